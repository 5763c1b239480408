// Tandem's own entry point under a command line of the bench's: tooling that
// stops development servers by their command line (pkill -f server/src/main.ts)
// stopped benchmark servers mid-run on a shared machine.
import '../../server/src/main.ts';
