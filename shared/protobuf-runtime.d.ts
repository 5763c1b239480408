export { Reader, Writer, util, roots } from 'protobufjs/minimal.js';
