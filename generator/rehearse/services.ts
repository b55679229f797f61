/**
 * What the rehearsal needs to know about each service with a database: the Debian packages that
 * hold its code and manage command, the configuration the manage command reads, how a fresh
 * database of a series is created, and a little real data that must survive the leap.
 * The commands are written the way the runbook writes an installed-code command (`sudo -u <user> ...`)
 * and run in the series' root like the runbook's own.
 */

/** Scratch databases live under this prefix only; the rehearsal creates and drops nothing else. */
export const PREFIX = 'leapfrog_rehearse_';

/** The rehearsed copy and the fresh target install compared with it. */
export type DatabaseSet = 'run' | 'fresh';

export function scratchName(database: string, set: DatabaseSet): string {
  return `${PREFIX}${set === 'fresh' ? 'fresh_' : ''}${database}`;
}

export interface ConfigFile {
  path: string;
  text: string;
}

/** A database URL per upstream database name (e.g. nova_api), already pointing at its scratch name. */
export type Urls = Record<string, string>;

export interface SeedCheck {
  database: string;
  what: string;
  /** SQL printing one number: how many of the seeded rows are there. */
  count: string;
  expected: number;
}

export interface RehearsedService {
  id: string;
  /** Debian packages installing the manage command and the code (their python3-* dependency). */
  packages: string[];
  /** The package whose version says which upstream series the suite ships. */
  versionPackage: string;
  /** Upstream's deliverable in openstack/releases (deliverables/<series>/<deliverable>.yaml). */
  deliverable: string;
  /** Databases the rehearsal creates for this service (nova's cell0 is created by nova itself, through map_cell0). */
  databases: string[];
  config(urls: Urls): ConfigFile[];
  /** Creates the series' schema in empty databases (source seed and fresh target alike). */
  create: string[];
  /** Real data written after `create`, with the source code: commands and SQL per database. */
  data: { commands: string[]; sql: Record<string, string[]> };
  checks: SeedCheck[];
  /**
   * With --dump: rows of the restored databases that name other databases (nova's cell mappings),
   * pointed at the scratch ones before any step runs, so no step reaches the operator's servers.
   */
  repoint?: Repoint;
}

export interface Repoint {
  database: string;
  /** SQL printing one number that must not exceed `max`, else the dump is refused with `why`. */
  limit: { count: string; max: number; why: string };
  sql(urls: Urls): string[];
}

/** A value as a SQL string literal (a password may hold quotes or backslashes). */
export const sqlString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** nova's fixed cell0 uuid (nova/objects/cell_mapping.py, CellMapping.CELL0_UUID). */
const CELL0_UUID = '00000000-0000-0000-0000-000000000000';
/** create_cell stores the transport URL; nothing connects to it in the rehearsal. */
const UNUSED_TRANSPORT = 'rabbit://leapfrog:unused@127.0.0.1:5672/';

const ini = (sections: Record<string, Record<string, string>>): string =>
  Object.entries(sections)
    .map(
      ([name, values]) =>
        `[${name}]\n${Object.entries(values)
          .map(([k, v]) => `${k} = ${v}\n`)
          .join('')}`,
    )
    .join('\n');

const IMAGE_ID = '1eaf1e4f-0000-4000-8000-00000000f001';
const VOLUME_TYPE_ID = '1eaf1e4f-0000-4000-8000-00000000c001';
const NETWORK_ID = '1eaf1e4f-0000-4000-8000-00000000a001';

export const SERVICES: RehearsedService[] = [
  {
    id: 'keystone',
    packages: ['keystone'],
    versionPackage: 'python3-keystone',
    deliverable: 'keystone',
    databases: ['keystone'],
    config: (u) => [{ path: '/etc/keystone/keystone.conf', text: ini({ database: { connection: u.keystone! } }) }],
    create: ['sudo -u keystone keystone-manage db_sync'],
    data: {
      // bootstrap is keystone's own way to create the first project, user, role, region and endpoint;
      // it encrypts with the fernet and credential keys, so those come first (upstream's install guide order).
      commands: [
        'sudo -u keystone keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone',
        'sudo -u keystone keystone-manage credential_setup --keystone-user keystone --keystone-group keystone',
        'sudo -u keystone keystone-manage bootstrap --bootstrap-username leapfrog-admin --bootstrap-password leapfrog-rehearse --bootstrap-project-name leapfrog-project --bootstrap-region-id leapfrog-region --bootstrap-public-url http://127.0.0.1:5000/v3',
      ],
      sql: {},
    },
    checks: [
      { database: 'keystone', what: 'bootstrap user', count: "SELECT COUNT(*) FROM local_user WHERE name = 'leapfrog-admin'", expected: 1 },
      { database: 'keystone', what: 'bootstrap project', count: "SELECT COUNT(*) FROM project WHERE name = 'leapfrog-project'", expected: 1 },
      { database: 'keystone', what: 'bootstrap endpoint', count: "SELECT COUNT(*) FROM endpoint WHERE url = 'http://127.0.0.1:5000/v3'", expected: 1 },
    ],
  },
  {
    id: 'glance',
    packages: ['glance-common'],
    versionPackage: 'python3-glance',
    deliverable: 'glance',
    databases: ['glance'],
    // glance-manage reads glance-api.conf and then glance-manage.conf (the later wins): both point at the scratch database.
    config: (u) => ['glance-api.conf', 'glance-manage.conf'].map((f) => ({ path: `/etc/glance/${f}`, text: ini({ database: { connection: u.glance! } }) })),
    create: ['sudo -u glance glance-manage db_sync'],
    data: {
      commands: [],
      sql: {
        glance: [
          `INSERT INTO images (id, name, size, status, created_at, deleted, min_disk, min_ram, protected, visibility, os_hidden, disk_format, container_format) VALUES ('${IMAGE_ID}', 'leapfrog-image', 0, 'active', NOW(), 0, 0, 0, 0, 'public', 0, 'raw', 'bare')`,
        ],
      },
    },
    checks: [
      { database: 'glance', what: 'image record', count: `SELECT COUNT(*) FROM images WHERE id = '${IMAGE_ID}' AND name = 'leapfrog-image'`, expected: 1 },
    ],
  },
  {
    id: 'cinder',
    packages: ['cinder-common'],
    versionPackage: 'python3-cinder',
    deliverable: 'cinder',
    databases: ['cinder'],
    config: (u) => [{ path: '/etc/cinder/cinder.conf', text: ini({ database: { connection: u.cinder! } }) }],
    create: ['sudo -u cinder cinder-manage db sync'],
    data: {
      commands: [],
      sql: { cinder: [`INSERT INTO volume_types (id, name, is_public, created_at, deleted) VALUES ('${VOLUME_TYPE_ID}', 'leapfrog-type', 1, NOW(), 0)`] },
    },
    checks: [
      {
        database: 'cinder',
        what: 'volume type',
        count: `SELECT COUNT(*) FROM volume_types WHERE id = '${VOLUME_TYPE_ID}' AND name = 'leapfrog-type'`,
        expected: 1,
      },
    ],
  },
  {
    id: 'nova',
    packages: ['nova-common'],
    versionPackage: 'python3-nova',
    deliverable: 'nova',
    // map_cell0 names cell0's database after the main one plus _cell0, so it stays under the prefix.
    databases: ['nova', 'nova_api', 'nova_cell0'],
    config: (u) => [
      {
        path: '/etc/nova/nova.conf',
        text: ini({ DEFAULT: { transport_url: UNUSED_TRANSPORT }, database: { connection: u.nova! }, api_database: { connection: u.nova_api! } }),
      },
    ],
    // Upstream's install guide order: API database, cell0 and cell1 mappings, then the cell databases.
    create: [
      'sudo -u nova nova-manage api_db sync',
      'sudo -u nova nova-manage cell_v2 map_cell0',
      'sudo -u nova nova-manage cell_v2 create_cell --name leapfrog-cell1',
      'sudo -u nova nova-manage db sync',
    ],
    data: {
      commands: [],
      sql: {
        nova_api: [
          "INSERT INTO flavors (created_at, name, memory_mb, vcpus, swap, flavorid, rxtx_factor, root_gb, ephemeral_gb, disabled, is_public) VALUES (NOW(), 'leapfrog.tiny', 512, 1, 0, 'leapfrog-tiny', 1.0, 1, 0, 0, 1)",
        ],
      },
    },
    checks: [
      { database: 'nova_api', what: 'flavor', count: "SELECT COUNT(*) FROM flavors WHERE flavorid = 'leapfrog-tiny'", expected: 1 },
      {
        database: 'nova_api',
        what: 'cell mappings (cell0, leapfrog-cell1)',
        count: "SELECT COUNT(*) FROM cell_mappings WHERE name IN ('cell0', 'leapfrog-cell1')",
        expected: 2,
      },
    ],
    // A dump's cell mappings hold the operator's database and message queue URLs; db sync, archive
    // and purge (--all-cells) connect to every mapped cell. cell0 goes to the scratch cell0, the one
    // other cell to the scratch main database.
    repoint: {
      database: 'nova_api',
      limit: {
        count: `SELECT COUNT(*) FROM cell_mappings WHERE uuid <> '${CELL0_UUID}'`,
        max: 1,
        why: 'nova_api maps more than one cell besides cell0; the rehearsal restores one cell database (nova)',
      },
      sql: (u) => [
        `UPDATE cell_mappings SET transport_url = ${sqlString(UNUSED_TRANSPORT)}, database_connection = CASE WHEN uuid = '${CELL0_UUID}' THEN ${sqlString(u.nova_cell0!)} ELSE ${sqlString(u.nova!)} END`,
      ],
    },
  },
  {
    id: 'placement',
    packages: ['placement-common'],
    versionPackage: 'python3-placement',
    deliverable: 'placement',
    databases: ['placement'],
    config: (u) => [{ path: '/etc/placement/placement.conf', text: ini({ placement_database: { connection: u.placement! } }) }],
    create: ['sudo -u placement placement-manage db sync'],
    data: {
      commands: [],
      sql: {
        placement: [
          "INSERT INTO resource_providers (created_at, uuid, name, generation, root_provider_id) VALUES (NOW(), '1eaf1e4f-0000-4000-8000-00000000b001', 'leapfrog-rp', 0, NULL)",
        ],
      },
    },
    checks: [{ database: 'placement', what: 'resource provider', count: "SELECT COUNT(*) FROM resource_providers WHERE name = 'leapfrog-rp'", expected: 1 }],
  },
  {
    id: 'neutron',
    packages: ['neutron-common'],
    versionPackage: 'python3-neutron',
    deliverable: 'neutron',
    databases: ['neutron'],
    config: (u) => [
      { path: '/etc/neutron/neutron.conf', text: ini({ DEFAULT: { core_plugin: 'ml2' }, database: { connection: u.neutron! } }) },
      {
        path: '/etc/neutron/plugins/ml2/ml2_conf.ini',
        text: ini({ ml2: { type_drivers: 'flat,vlan,vxlan', tenant_network_types: 'vxlan', mechanism_drivers: 'openvswitch' } }),
      },
    ],
    create: ['sudo -u neutron neutron-db-manage --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini upgrade heads'],
    data: {
      commands: [],
      sql: {
        // One statement list, one connection: LAST_INSERT_ID() is per connection.
        neutron: [
          "INSERT INTO standardattributes (resource_type, created_at, updated_at, description, revision_number) VALUES ('networks', NOW(), NOW(), 'leapfrog', 0); " +
            `INSERT INTO networks (project_id, id, name, status, admin_state_up, mtu, standard_attr_id) VALUES ('leapfrog', '${NETWORK_ID}', 'leapfrog-net', 'ACTIVE', 1, 1450, LAST_INSERT_ID())`,
        ],
      },
    },
    checks: [
      {
        database: 'neutron',
        what: 'network',
        count: `SELECT COUNT(*) FROM networks n JOIN standardattributes s ON s.id = n.standard_attr_id WHERE n.id = '${NETWORK_ID}'`,
        expected: 1,
      },
    ],
  },
  {
    id: 'heat',
    packages: ['heat-common'],
    versionPackage: 'python3-heat',
    deliverable: 'heat',
    databases: ['heat'],
    config: (u) => [{ path: '/etc/heat/heat.conf', text: ini({ database: { connection: u.heat! } }) }],
    create: ['sudo -u heat heat-manage db_sync'],
    data: { commands: [], sql: {} },
    checks: [],
  },
  {
    id: 'ironic',
    packages: ['ironic-common'],
    versionPackage: 'python3-ironic',
    deliverable: 'ironic',
    databases: ['ironic'],
    config: (u) => [{ path: '/etc/ironic/ironic.conf', text: ini({ database: { connection: u.ironic! } }) }],
    create: ['sudo -u ironic ironic-dbsync upgrade'],
    data: { commands: [], sql: {} },
    checks: [],
  },
];

export function rehearsedService(id: string): RehearsedService | undefined {
  return SERVICES.find((s) => s.id === id);
}

/** Every package a root needs: all services' plus the MySQL driver oslo.db uses. */
export const ROOT_PACKAGES = [...new Set(['python3-pymysql', ...SERVICES.flatMap((s) => s.packages)])];
