/**
 * Sources for the steps Leapfrog adds around the content's own (backups, utilities, units).
 * Each is pinned to a commit or a versioned page.
 */
export const SOURCES = {
  /** OpenStack Operations Guide, "Upgrades": full database backup with mysqldump, restore with mysql. */
  opsUpgrades:
    'https://opendev.org/openstack/openstack-manuals/src/commit/10b7ffd4c1730bf4e5504e9e206ab2e82e1f21ad/doc/ops-guide/source/ops-upgrades.rst',
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
} as const;
