// picomatch ships no types of its own: the part of its API pullcheck calls (see its README, "Options").
declare module 'picomatch' {
  interface PicomatchOptions {
    readonly dot?: boolean;
    readonly nobrace?: boolean;
    readonly noextglob?: boolean;
    readonly nonegate?: boolean;
    readonly windows?: boolean;
  }
  function picomatch(glob: string, options?: PicomatchOptions): (text: string) => boolean;
  export default picomatch;
}
