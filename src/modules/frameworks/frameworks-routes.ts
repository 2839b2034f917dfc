/**
 * The frameworks API (/api/v1/frameworks): stored framework libraries to browse and export (public), and import
 * (strategy owner, administrator). Handlers validate and delegate.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import {
  ExportQuerySchema,
  ImportBodySchema,
  ImportResultSchema,
  LibraryDetailSchema,
  LibraryListSchema,
  LibraryParamsSchema,
  VersionQuerySchema,
} from './frameworks-schemas.js';
import {
  exportFrameworkLibrary,
  frameworkImporterRoles,
  getFrameworkLibrary,
  importFrameworkLibrary,
  listFrameworkLibraries,
} from './frameworks-service.js';

const publicAccess = { public: true, description: 'Anyone: the frameworks are public documents' } as const;
const importAccess = {
  authenticated: true,
  roles: frameworkImporterRoles,
  description: 'Strategy owner or administrator',
} as const;
const tags = ['frameworks'];

const origin = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

export async function frameworksRoutes(fastify: FastifyInstance, options: { db: Db }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = options;

  app.get(
    '/',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Stored framework libraries (newest version of each)',
        response: { 200: LibraryListSchema },
      },
    },
    async () => {
      const libraries = await listFrameworkLibraries(db);
      return { count: libraries.length, libraries };
    },
  );

  app.get(
    '/:id',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'One library with its requirement tree, scale and mapping sets',
        params: LibraryParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: LibraryDetailSchema },
      },
    },
    // The domain's readonly arrays are sent as they are; the schema only shapes the JSON.
    async (request) =>
      (await getFrameworkLibrary(db, request.params.id, request.query.version)) as unknown as Static<
        typeof LibraryDetailSchema
      >,
  );

  app.get(
    '/:id/export',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: "A library as a file in Varde's format or CISO Assistant's YAML library format",
        params: LibraryParamsSchema,
        querystring: ExportQuerySchema,
        produces: ['application/yaml'],
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'varde';
      const file = await exportFrameworkLibrary(db, request.principal, {
        ref: request.params.id,
        format,
        version: request.query.version,
        now: new Date(),
        origin: origin(request),
      });
      return reply
        .type('application/yaml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.text);
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: 12 * 1024 * 1024,
      config: { access: importAccess },
      schema: {
        tags,
        summary: 'Import a library file (Varde or CISO Assistant YAML); all or nothing',
        description:
          'A file with any problem is refused with FRAMEWORK_INVALID listing every problem with its place (file:line and field), and nothing is stored. The same version with other content is refused with FRAMEWORK_VERSION_CONFLICT.',
        body: ImportBodySchema,
        response: { 200: ImportResultSchema, 201: ImportResultSchema },
      },
    },
    async (request, reply) => {
      const result = await importFrameworkLibrary(db, request.principal, {
        text: request.body.content,
        fileName: request.body.fileName,
        format: request.body.format,
        now: new Date(),
        origin: origin(request),
      });
      return reply.status(result.outcome === 'imported' ? 201 : 200).send(result);
    },
  );
}
