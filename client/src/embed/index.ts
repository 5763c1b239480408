// The embed bundle's entry (built to /embed/tandem-board.js): importing it
// defines <tandem-board>; mountBoard is the same thing without the element.
import { defineTandemBoard } from './element.ts';

export { mountBoard, socketUrlFor, type MountBoardOptions, type MountedBoard } from './mount.tsx';
export { TandemBoardElement, defineTandemBoard } from './element.ts';

defineTandemBoard();
