import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the vendored IPTC files are (see its README.md): data beside the view that writes ninjs. */
export const NINJS_VENDOR_DIR = join(__dirname, '..', '..', 'read-models', 'src', 'views', 'public', 'ninjs', 'vendor');

/**
 * The schema's `places[].geojson` refers to https://geojson.org/schema/GeoJSON.json, which is not
 * vendored: this stand-in asks only for a GeoJSON `type`. Newsroom never writes `places`.
 */
const GEOJSON_STAND_IN = {
  $id: 'https://geojson.org/schema/GeoJSON.json',
  type: 'object',
  required: ['type'],
  properties: {
    type: {
      enum: [
        'Point',
        'MultiPoint',
        'LineString',
        'MultiLineString',
        'Polygon',
        'MultiPolygon',
        'GeometryCollection',
        'Feature',
        'FeatureCollection',
      ],
    },
  },
};

/**
 * The official IPTC ninjs 2.2 JSON schema, compiled with Ajv's draft 2020-12 build. Draft 2020-12
 * makes `format` an annotation, and IPTC's own runner (Python jsonschema) does not assert it, so
 * some of IPTC's should-pass examples carry a `uri` such as `007-trust-indicator`: the suite is
 * checked with `assertFormats: false`. Newsroom's own documents are held to the formats too
 * (ajv-formats: uri, date-time), the stricter reading.
 */
export function ninjsValidator({ assertFormats = true } = {}): (doc: unknown) => ErrorObject[] {
  const schema = JSON.parse(readFileSync(join(NINJS_VENDOR_DIR, 'specification', 'ninjs-schema_2.2.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: assertFormats });
  addFormats(ajv);
  ajv.addSchema(GEOJSON_STAND_IN);
  const validate = ajv.compile(schema);
  return (doc) => (validate(doc) ? [] : [...(validate.errors ?? [])]);
}
