import type { Content, Series, Service } from '../../content.ts';
import { hasOfflineWork } from '../plan-service.ts';
import type { Plan, Stop } from '../plan-model.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { imageName, KEYSTONE_CLI, KEYSTONE_UTILS, wrapperCommands, wrappedTools, wrapperDir, writtenDirs } from '../utility/container-run.ts';
import { containerHost, venvHosts, type UtilityHost } from '../utility/hosts.ts';
import { OS_UNVERIFIED } from '../utility/os-releases.ts';
import { buildPackages, containerfile, serviceInstall, utilityRecipe, venvCommands } from '../utility/recipe.ts';
import { utilityPath } from './commands.ts';
import { SOURCES } from './sources.ts';
import { plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';

const GROUP = 'Utilities';

/**
 * One utility per stop, in the plan's method. Ids are the same in both: `prepare.utility.<series>`
 * readies the stop, `prepare.utility.<series>.<service>` puts one service's code in it, so a
 * service's steps stay the same whichever others are selected.
 */
export function utilities(content: Content, plan: Plan): RunbookStep[] {
  const withWork = (stop: Stop) => stop.visits.filter((v) => hasOfflineWork(v.release)).map((v) => v.service);
  if (plan.utility === 'container') {
    return plan.stops.flatMap((stop) => {
      const services = withWork(stop);
      return services.length ? containerSteps(content, stop.at, services) : [];
    });
  }
  return venvHosts(plan.stops).flatMap(({ stop, host }) => {
    const services = withWork(stop);
    return services.length ? venvSteps(content, stop.at, services, host) : [];
  });
}

function seriesNotes(series: Series): string[] {
  const notes: string[] = [];
  if (!series['constraints-ref'])
    notes.push(
      `No upper-constraints file exists for ${series.name}: the versions pip picks are not pinned; check them against the ${series.name} requirements.`,
    );
  return [...notes, ...series.notes];
}

function venvSteps(content: Content, series: Series, services: Service[], host: UtilityHost): RunbookStep[] {
  return [venvStep(content, series, host.os, host.python), ...services.map((service) => venvServiceStep(content, series, service))];
}

// The host's OS is one of OS_RELEASES' own objects, so it keys by identity like the content.
const venvStep = sameStep((content: Content, series: Series, os: UtilityHost['os'], python: string): RunbookStep => {
  const host = { os, python };
  const notes = [
    `Build it on ${host.os.name}: it ships Python ${host.python}, which ${series.name} is tested with (runtimes: ${series.runtimes.python.join(', ')}), and the apt packages are ${host.os.name}'s names; consecutive stops whose tested Pythons overlap share one Python, so one host builds them all.`,
  ];
  if (series['db-drivers'].length > 1)
    notes.push(
      `Both MySQL drivers: ${series.name} configurations may still say \`mysql://\`, which loads MySQLdb (built from source against ${host.os.mysqlHeaders}).`,
    );
  if (host.os.distro === 'ubuntu') notes.push(OS_UNVERIFIED);
  return {
    id: plannedStepId('prepare', 'utility', series.id),
    title: `Create the ${series.name} utility in ${utilityPath(series.id)} (Python ${host.python}, ${host.os.name})`,
    service: null,
    series: null,
    commands: [`apt-get install -y ${buildPackages(series, host).join(' ')}`, ...venvCommands(content, series, undefined, host.python)],
    sources: [...series.sources, ...host.os.sources, host.python.startsWith('2.') ? SOURCES.virtualenv : SOURCES.venv(host.python)],
    notes: [...notes, ...seriesNotes(series)],
    group: GROUP,
  };
});

const venvServiceStep = sameStep(
  (content: Content, series: Series, service: Service): RunbookStep => ({
    id: plannedStepId('prepare', 'utility', series.id, service.id),
    title: `Install ${service.name} ${series.name} code into the ${series.name} utility`,
    service: service.id,
    series: null,
    commands: serviceInstall(content, series, service),
    sources: serviceSources(series, service),
    notes: series['constraints-ref'] ? [OWN_PIN] : [],
    group: GROUP,
  }),
);

const OWN_PIN =
  'The constraints may pin the service itself (neutron===14.4.2 at stein-eol, horizon at several series), while the eol ref builds a development version that pip then refuses; so its own line is dropped for this install, and only for it.';

function serviceSources(series: Series, service: Service): string[] {
  return series.sources.filter((u) => u.includes('/requirements/') || u.includes(`/${service.repo}/`)).concat(service.sources.slice(0, 1));
}

function containerSteps(content: Content, series: Series, services: Service[]): RunbookStep[] {
  const host = containerHost(series);
  const recipes = services.map((service) => ({ service, recipe: utilityRecipe(content, series, service, host) }));
  const images = [...new Set(recipes.map((r) => r.recipe.image))];
  const dir = utilityPath(series.id);
  return [
    {
      id: plannedStepId('prepare', 'utility', series.id),
      title: `Pull the base images of the ${series.name} utilities`,
      service: null,
      series: null,
      commands: [`mkdir -p ${dir}`, ...images.map((image) => `podman pull ${image}`)],
      sources: [...new Set([...series.sources, ...recipes.flatMap((r) => r.recipe.os.sources)])],
      notes: [
        `One image per service: ${series.name} runs on ${[...new Set(recipes.map((r) => r.recipe.os.name))].join(' and ')} there, whatever the host runs. Docker takes the same arguments: replace podman with docker in every command.`,
        ...(recipes.some((r) => r.recipe.os.distro === 'ubuntu') ? [OS_UNVERIFIED] : []),
        ...seriesNotes(series),
      ],
      group: GROUP,
    },
    ...services.map((service) => containerServiceStep(content, series, service)),
  ];
}

const containerServiceStep = sameStep((content: Content, series: Series, service: Service): RunbookStep => {
  const host = containerHost(series);
  const recipe = utilityRecipe(content, series, service, host);
  const dir = utilityPath(series.id);
  const file = `${dir}/${service.id}.Containerfile`;
  const steps = content.release(series.id, service.id)?.steps ?? [];
  const keys = writtenDirs(
    service,
    steps.flatMap((s) => s.commands),
  );
  const tools = wrappedTools(service, steps, series.id);
  return {
    id: plannedStepId('prepare', 'utility', series.id, service.id),
    title: `Build the ${service.name} ${series.name} image ${imageName(service, series.id)}`,
    service: service.id,
    series: null,
    commands: [
      `cat > ${file} <<'EOF'\n${containerfile(recipe)}\nEOF`,
      `podman build -t ${imageName(service, series.id)} -f ${file} ${dir}`,
      ...(keys.length ? [`install -d -o ${service['os-user']} -g ${service['os-user']} -m 0700 ${keys.join(' ')}`] : []),
      ...(tools.length ? wrapperCommands(service, series.id, tools) : []),
    ],
    sources: [
      ...serviceSources(series, service),
      ...(recipe.kind === 'packages' ? service.sources.filter((u) => u.includes('packages.debian.org')) : []),
      ...(keys.length ? [KEYSTONE_CLI, KEYSTONE_UTILS] : []),
    ],
    notes: [
      recipe.kind === 'packages'
        ? `${recipe.os.name} ships ${service.name} ${series.name}: the image installs its packages (${recipe.packages.join(', ')}), tools in /usr/bin, Python ${recipe.os.python[0] ?? ''}${series.runtimes.python.includes(recipe.os.python[0] ?? '') ? '' : ` (Debian's choice: ${series.name} is tested with ${series.runtimes.python.join(', ')})`}.`
        : `No distribution package of ${service.name} ${series.name} was verified: the image builds the venv recipe on ${recipe.os.name} (Python ${host.python}), the same commands as --utility venv.`,
      ...(recipe.kind === 'venv' && series['constraints-ref'] ? [OWN_PIN] : []),
      ...(tools.length
        ? [
            `${wrapperDir(series.id)} holds a wrapper per ${service.name} tool (${tools.join(', ')}) that runs it in this image: a ${series.name} script run on the host finds them there instead of in a venv's bin/.`,
          ]
        : []),
      ...(keys.length
        ? [
            `The runs mount ${keys.join(' and ')} read-write (keystone's default key repositories): they must exist on the host first, owned by ${service['os-user']}. Runs that name --keystone-user also mount the host's /etc/passwd and /etc/group read-only: keystone looks the user up, and the image has none.`,
          ]
        : []),
    ],
    group: GROUP,
  };
});
