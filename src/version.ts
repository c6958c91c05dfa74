// pullcheck's version, as package.json states it (a test keeps the two equal): the bundle carries no
// package.json to read at run time.
export const VERSION = '0.1.0';
