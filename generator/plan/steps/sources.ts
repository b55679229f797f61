/**
 * Sources for the steps Leapfrog adds around the content's own (backups, utilities, units).
 * Each is pinned to a commit or a versioned page.
 */
export const SOURCES = {
  /** OpenStack Operations Guide, "Upgrades": full database backup with mysqldump, restore with mysql. */
  opsUpgrades: 'https://opendev.org/openstack/openstack-manuals/src/commit/10b7ffd4c1730bf4e5504e9e206ab2e82e1f21ad/doc/ops-guide/source/ops-upgrades.rst',
  /** systemctl start/stop of units. */
  systemctl: 'https://www.freedesktop.org/software/systemd/man/252/systemctl.html',
  /** venv for Python 3 utilities. */
  venv: (python: string) => `https://docs.python.org/${python}/library/venv.html`,
  /** virtualenv 20.22.0 dropped creating Python 2 environments; older releases still can. */
  virtualenv: 'https://github.com/pypa/virtualenv/blob/20.22.0/docs/changelog.rst',
  /** oslo.db names the MySQLdb dialect `mysql+mysqldb`; plain `mysql://` is SQLAlchemy's MySQLdb default. */
  oslodbDrivers: 'https://opendev.org/openstack/oslo.db/src/tag/liberty-eol/oslo_db/sqlalchemy/engines.py',
  /** Liberty's sample configuration switched the documented URL to `mysql+pymysql://`. */
  pymysqlDefault: 'https://opendev.org/openstack/neutron/src/tag/liberty-eol/etc/neutron.conf',
  /** oslo.db's db_sync refuses tables whose collation is not utf8 (up to oslo.db 12.x). */
  oslodbSanityCheck: 'https://opendev.org/openstack/oslo.db/src/tag/4.25.2/oslo_db/sqlalchemy/migration.py',
  /** oslo.db lists tables that do not use InnoDB. */
  oslodbInnodb: 'https://opendev.org/openstack/oslo.db/src/tag/18.1.0/oslo_db/sqlalchemy/utils.py',
  /** glance-manage db sync goes through oslo.db's db_sync (with the sanity check). */
  glanceDbSync: 'https://opendev.org/openstack/glance/src/tag/11.0.0/glance/cmd/manage.py',
  /** kolla-ansible: RabbitMQ cannot jump two versions; an intermediate version before a SLURP upgrade. */
  kollaRabbitmqSlurp: 'https://opendev.org/openstack/kolla-ansible/src/tag/19.0.0/doc/source/reference/message-queues/rabbitmq.rst',
  /** openstack-ansible 2024.2: RabbitMQ 4.0 needs 3.13 first. */
  osaRabbitmq4: 'https://opendev.org/openstack/openstack-ansible/src/tag/30.0.0/releasenotes/notes/rabbitmq_4-0d92471180caa8ea.yaml',
} as const;
