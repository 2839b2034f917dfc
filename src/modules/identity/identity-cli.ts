/**
 * `varde organisations …` and `varde users …`: the operator's tools, also for the first administrator of a new
 * installation. The CLI acts as the operating-system user who runs it, recorded as such in the audit trail.
 */
import os from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { roles, type Principal, type Role } from '../../platform/http/access.js';
import { prepareDatabase } from '../../server.js';
import { createOrganisation, listOrganisations, type ChangeContext } from './organisation-service.js';
import type { OrganisationLevel, OrganisationType, Region, SizeClass } from './organisation-types.js';
import { createUser, grantRole, listUsers, revokeRole, updateUser } from './user-service.js';

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await prepareDatabase(loadConfig(), () => {});
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

function operator(): ChangeContext {
  const name = os.userInfo().username;
  const principal: Principal = {
    userId: `cli:${name}`,
    displayName: `varde CLI (${name})`,
    sessionId: 'cli',
    organisationId: null,
    roles: ['administrator'],
    actorIds: [],
  };
  return { principal, now: new Date(), origin: { ip: null, userAgent: 'varde-cli' } };
}

export function registerIdentityCommands(program: Command): void {
  const orgs = program
    .command('organisations')
    .description('the organisation tree (sector → type → enterprise → unit)');
  orgs
    .command('list')
    .option('--level <level>')
    .option('--type <type>')
    .option('--region <region>')
    .option('--json', 'JSON with the API field names')
    .action(async (o: { level?: OrganisationLevel; type?: OrganisationType; region?: Region; json?: boolean }) => {
      await withDb(async (db) => {
        const list = await listOrganisations(db, operator().principal, {
          level: o.level,
          organisationType: o.type,
          region: o.region,
        });
        if (o.json) console.log(JSON.stringify(list, null, 2));
        else
          for (const org of list)
            console.log(`${org.id.padEnd(38)} ${org.level.padEnd(10)} ${(org.orgNumber ?? '').padEnd(9)} ${org.name}`);
      });
    });
  orgs
    .command('add')
    .requiredOption('--name <name>')
    .requiredOption('--level <sector|type|enterprise|unit>')
    .option('--parent <id>')
    .option('--type <organisationType>')
    .option('--org-number <number>', 'nine digits, mod-11 checked')
    .option('--size <micro|small|medium|large>')
    .option('--region <region>')
    .option('--actor <catalogueActorId>')
    .action(
      async (o: {
        name: string;
        level: OrganisationLevel;
        parent?: string;
        type?: OrganisationType;
        orgNumber?: string;
        size?: SizeClass;
        region?: Region;
        actor?: string;
      }) => {
        await withDb(async (db) => {
          const org = await createOrganisation(db, operator(), {
            name: o.name,
            level: o.level,
            parentId: o.parent ?? null,
            organisationType: o.type ?? null,
            orgNumber: o.orgNumber ?? null,
            sizeClass: o.size ?? null,
            region: o.region ?? null,
            actorId: o.actor ?? null,
          });
          console.log(`Organisation ${org.id} added: ${org.name}`);
        });
      },
    );

  const users = program.command('users').description('users and their roles per organisation');
  users
    .command('list')
    .option('--json', 'JSON with the API field names')
    .action(async (o: { json?: boolean }) => {
      await withDb(async (db) => {
        const list = await listUsers(db, operator(), {});
        if (o.json) console.log(JSON.stringify(list, null, 2));
        else
          for (const u of list)
            console.log(
              `${u.id.padEnd(38)} ${u.active ? 'active  ' : 'inactive'} ${u.displayName}  ${u.roles.map((r) => `${r.role}@${r.organisationName}`).join(', ')}`,
            );
      });
    });
  users
    .command('add')
    .requiredOption('--name <displayName>')
    .option('--email <email>')
    .option('--pid <nationalId>', 'national identity number, matched at login')
    .option('--hpr <hprNumber>', 'HPR number, matched at login when no national id is given')
    .option('--role <role>', `one of ${roles.join(', ')}`)
    .option('--organisation <id>', 'where the role is held')
    .action(
      async (o: { name: string; email?: string; pid?: string; hpr?: string; role?: Role; organisation?: string }) => {
        await withDb(async (db) => {
          const ctx = operator();
          const user = await createUser(db, ctx, {
            displayName: o.name,
            email: o.email ?? null,
            pid: o.pid ?? null,
            hprNumber: o.hpr ?? null,
          });
          if (o.role && o.organisation)
            await grantRole(db, ctx, { userId: user.id, organisationId: o.organisation, role: o.role });
          console.log(`User ${user.id} added: ${user.displayName}`);
        });
      },
    );
  users
    .command('grant <userId> <organisationId> <role>')
    .action(async (userId: string, organisationId: string, role: Role) => {
      await withDb(async (db) => {
        await grantRole(db, operator(), { userId, organisationId, role });
        console.log(`Granted ${role} in ${organisationId} to ${userId}`);
      });
    });
  users
    .command('revoke <userId> <organisationId> <role>')
    .action(async (userId: string, organisationId: string, role: Role) => {
      await withDb(async (db) => {
        await revokeRole(db, operator(), { userId, organisationId, role });
        console.log(`Revoked ${role} in ${organisationId} from ${userId}`);
      });
    });
  users
    .command('deactivate <userId>')
    .description('the user can no longer log in; their sessions end at once')
    .action(async (userId: string) => {
      await withDb(async (db) => {
        await updateUser(db, operator(), userId, { active: false });
        console.log(`User ${userId} deactivated`);
      });
    });
}
