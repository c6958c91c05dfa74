// Jib builds Java images straight to the registry: `mvn … jib:build -Dimage=X` (or `-Djib.to.image=X`),
// `gradle jib --image=X` (or `-Djib.to.image=X`). Without either, the target image is the one in
// pom.xml's `<to><image>` or build.gradle's `jib.to.image`; those are read when they are plain.
// https://github.com/GoogleContainerTools/jib/tree/master/jib-maven-plugin#configuration
import { missing, type Text } from '../text.ts';
import { wordText } from './arguments.ts';
import type { CommandContext, CommandHandler } from './context.ts';

const MAVEN = /^(?:\.\/)?(?:mvn|mvnw)$/;
const GRADLE = /^(?:\.\/)?(?:gradle|gradlew)$/;

export const jibBuild: CommandHandler = (words, context) => {
  const tool = wordText(words[0])?.split('/').at(-1) ?? '';
  const maven = MAVEN.test(tool);
  if (!maven && !GRADLE.test(tool)) return false;
  const args = words.slice(1);
  const goals = args.map(wordText);
  const pushes = maven
    ? goals.some((goal) => goal !== undefined && /(^|:)jib(-maven-plugin)?(:[\d.]+)?:build$/.test(goal))
    : goals.some((goal) => goal === 'jib' || goal?.endsWith(':jib'));
  if (!pushes) return false;
  const image = imageOption(args, maven);
  if (image) {
    context.sink.destination(image, maven ? 'jib:build' : 'gradle jib');
    return true;
  }
  const fromBuildFile = maven ? pomImage(context) : gradleImage(context);
  if (fromBuildFile)
    context.sink.destination(fromBuildFile, maven ? 'jib:build (pom.xml)' : 'gradle jib (build.gradle)');
  else
    context.sink.mayPush(
      `Jib pushes to the image its build file configures, which pullcheck cannot read: add it to \`images\``,
    );
  return true;
};

function imageOption(args: readonly Text[], maven: boolean): Text | undefined {
  for (const [i, arg] of args.entries()) {
    const head = typeof arg[0] === 'string' ? arg[0] : '';
    for (const prefix of maven ? ['-Dimage=', '-Djib.to.image='] : ['--image=', '-Djib.to.image=']) {
      if (head.startsWith(prefix)) return [head.slice(prefix.length), ...arg.slice(1)];
    }
    if (!maven && head === '--image' && arg.length === 1) return args[i + 1];
    // Maven also takes `-D image=X` as two words.
    const next = args[i + 1];
    const nextHead = typeof next?.[0] === 'string' ? next[0] : '';
    if (head === '-D' && next)
      for (const prefix of ['image=', 'jib.to.image='])
        if (nextHead.startsWith(prefix)) return [nextHead.slice(prefix.length), ...next.slice(1)];
  }
  return undefined;
}

function pomImage(context: CommandContext): Text | undefined {
  const pom = context.read('pom.xml');
  const image =
    pom &&
    /<artifactId>jib-maven-plugin<\/artifactId>[\s\S]*?<to>\s*<image>([^<]+)<\/image>/
      .exec(pom.text)?.[1]
      ?.trim();
  if (!image || !pom) return undefined;
  return propertyText(image, pom.text);
}

function gradleImage(context: CommandContext): Text | undefined {
  const build = context.read('build.gradle') ?? context.read('build.gradle.kts');
  const image = build && /to\s*\{[^}]*?image\s*=\s*['"]([^'"$]+)['"]/.exec(build.text)?.[1];
  return image ? [image] : undefined;
}

/** `${property}` in a pom value: from `<properties>`, else a hole. */
function propertyText(value: string, pom: string): Text {
  const parts: Text[number][] = [];
  let at = 0;
  for (const match of value.matchAll(/\$\{([\w.-]+)\}/g)) {
    parts.push(value.slice(at, match.index));
    const defined = new RegExp(`<${match[1]!.replace(/\./g, '\\.')}>([^<]*)</`).exec(pom)?.[1];
    parts.push(defined ?? missing(`the Maven property ${match[1]}`, 'pass it with -D on the command line'));
    at = match.index + match[0].length;
  }
  parts.push(value.slice(at));
  return parts.filter((part) => part !== '');
}
