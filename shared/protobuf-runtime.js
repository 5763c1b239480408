// The protobufjs runtime the generated code imports (see scripts/proto-gen.mjs).
// Without Long, int64 fields decode to plain numbers: every int64 in the
// contract (seq, versions, epoch ms) stays far below 2^53.
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = undefined;
protobuf.configure();

export const { Reader, Writer, util, roots } = protobuf;
