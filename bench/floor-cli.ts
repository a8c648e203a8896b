/** The parse floor as its own process, so it is timed like the commands. */
import { parseFloor } from './floor.js';

process.env = { ...process.env }; // as the commands do (see runCommand)
const files = await parseFloor(process.argv[2]);
process.stdout.write(`${files} files parsed\n`);
