import type { Service } from '../../content.ts';
import type { ReleaseStep } from '../../schema/release.ts';
import { utilityPath } from '../steps/commands.ts';

/** The image a service's utility for a series is built as. */
export function imageName(service: Service, series: string): string {
  return `leapfrog-utility-${service.id}:${series}`;
}

/**
 * keystone-manage subcommands that write a key repository (keystone/cmd/cli.py: fernet_setup and
 * fernet_rotate write [fernet_tokens] key_repository, credential_setup and credential_rotate
 * [credential] key_repository, pki_setup the Kilo-era certificates); the default paths are mounted
 * read-write over the read-only configuration.
 */
const WRITES: Record<string, Record<string, string>> = {
  keystone: {
    fernet_setup: '/etc/keystone/fernet-keys',
    fernet_rotate: '/etc/keystone/fernet-keys',
    credential_setup: '/etc/keystone/credential-keys',
    credential_rotate: '/etc/keystone/credential-keys',
    pki_setup: '/etc/keystone/ssl',
  },
};
export const KEYSTONE_CLI = 'https://opendev.org/openstack/keystone/src/tag/17.0.0/keystone/cmd/cli.py';
/** --keystone-user/--keystone-group are looked up with pwd.getpwnam/grp.getgrnam (keystone/common/utils.py): the image has no such user. */
export const KEYSTONE_UTILS = 'https://opendev.org/openstack/keystone/src/tag/17.0.0/keystone/common/utils.py';
const NAMES_HOST_USERS = /\s--keystone-(user|group)\b/;

/** Directories a command writes under the service's read-only configuration. */
export function writableDirs(service: Service, command: string): string[] {
  const sub = command.split(' ')[1] ?? '';
  const dir = WRITES[service.id]?.[sub];
  return dir ? [dir] : [];
}

/** The directories these commands write: created on the host before the first run mounts them. */
export function writtenDirs(service: Service, commands: string[]): string[] {
  return [...new Set(commands.flatMap((c) => writableDirs(service, c)))].sort();
}

/**
 * A utility command run in the stop's image: the host's network (the database and message queue
 * the configuration names), the service's own user, its configuration read-only, its logs and
 * any key repository the command writes read-write; the host's users where the command names one. The command is the content's, byte for byte.
 */
export function inContainer(service: Service, series: string, command: string): string {
  const user = service['os-user'];
  const mounts = [
    `-v /etc/${service.id}:/etc/${service.id}:ro`,
    `-v /var/log/${service.id}:/var/log/${service.id}`,
    ...writableDirs(service, command).map((d) => `-v ${d}:${d}`),
    ...(NAMES_HOST_USERS.test(command) ? ['-v /etc/passwd:/etc/passwd:ro', '-v /etc/group:/etc/group:ro'] : []),
  ];
  return `podman run --rm --network host --user "$(id -u ${user}):$(id -g ${user})" ${mounts.join(' ')} ${imageName(service, series)} ${command}`;
}

/**
 * Scripts run as written (`utility: false`) that find the service's tools through PATH in the
 * venv's bin/, e.g. placement's Stein copy script, which calls placement-manage and runs mysql and
 * mysqldump itself: with containers the script stays on the host (its database clients, its rc
 * file, its dump folder in the current directory) and this folder holds one wrapper per tool that
 * runs the tool in the stop's image.
 */
export const wrapperDir = (series: string) => `${utilityPath(series)}/container-bin`;

/** The command of a script that looks in the venv's bin/, pointed at the wrappers instead. */
export const throughWrappers = (series: string, command: string) => command.replaceAll(`${utilityPath(series)}/bin`, wrapperDir(series));

/** Writes the wrappers: a here-document per tool, `exec`ing the same `podman run` as the runbook's own steps. */
export function wrapperCommands(service: Service, series: string, tools: string[]): string[] {
  const dir = wrapperDir(series);
  return [
    `mkdir -p ${dir}`,
    ...tools.map((tool) => `cat > ${dir}/${tool} <<'EOF'\n#!/bin/sh\nexec ${inContainer(service, series, `${tool} "$@"`)}\nEOF`),
    `chmod 0755 ${tools.map((t) => `${dir}/${t}`).join(' ')}`,
  ];
}

/**
 * The tools a series' scripts need wrapped: none unless some script looks in the venv's bin/; then
 * the service's own console scripts (<project>-…) that the release's steps run, never a system
 * command such as grep that the script must find on the host.
 */
export function wrappedTools(service: Service, steps: ReleaseStep[], series: string): string[] {
  const scripted = steps.some((s) => s.utility === false && s.commands.some((c) => c.includes(`${utilityPath(series)}/bin`)));
  const project = `${service.repo.split('/')[1]}-`;
  const tools = steps
    .filter((s) => s.utility !== false)
    .flatMap((s) => s.commands.map((c) => c.split(' ')[0]!))
    .filter((t) => t.startsWith(project));
  return scripted ? [...new Set(tools)].sort() : [];
}
