"""Builds the formula-protection corpus: comment texts and author names from the recorded
responses in /work/shared/fixtures (every platform), one JSON string per line, tab-separated
from platform and kind. Distinct values per (platform, kind)."""
import base64, gzip, json, os, re, sys

ROOT = sys.argv[1]
# key -> kind, per platform folder; chosen by reading each platform's recorded shapes
KEYS = {
    'youtube': {'textOriginal': 'text', 'authorDisplayName': 'author',
                'content': 'text', 'displayName': 'author'},
    'reddit': {'body': 'text', 'selftext': 'text', 'title': 'text', 'author': 'author'},
    'instagram': {'text': 'text', 'caption': 'text', 'username': 'author', 'full_name': 'author'},
    'tiktok': {'text': 'text', 'nickname': 'author', 'unique_id': 'author', 'username': 'author',
               'display_name': 'author'},
    'twitter': {'text': 'text', 'username': 'author', 'name': 'author'},
    'mastodon': {'content': 'text', 'display_name': 'author', 'acct': 'author'},
    'bluesky': {'text': 'text', 'displayName': 'author', 'handle': 'author'},
    'facebook': {'message': 'text', 'name': 'author'},
    'google-places': {'text': 'text', 'author_name': 'author'},
}
SKIP = ('threads',)  # documentation examples, not recordings (SOURCES-social.md)

def bodies(path):
    raw = open(path, 'rb').read()
    if path.endswith('.json'):
        doc = json.loads(raw)
        yield doc
        if isinstance(doc, dict) and 'interactions' in doc:   # betamax cassette
            for i in doc['interactions']:
                s = i.get('response', {}).get('body', {}).get('string')
                if s:
                    try: yield json.loads(s)
                    except ValueError: pass
    elif path.endswith('.yaml'):
        import yaml
        doc = yaml.safe_load(raw)
        for i in doc.get('interactions', []):
            s = i.get('response', {}).get('body', {}).get('string')
            if isinstance(s, bytes):
                try: s = gzip.decompress(s)
                except OSError: pass
                s = s.decode('utf-8', 'replace')
            if s:
                try: yield json.loads(s)
                except ValueError: pass

def walk(o, keys, out, parent=''):
    if isinstance(o, dict):
        for k, v in o.items():
            if k in keys and isinstance(v, str) and v.strip():
                # innertube: 'content' only inside commentEntityPayload.properties.content
                if k == 'content' and parent == 'youtube' : pass
                out.add((keys[k], v))
            walk(v, keys, out, k)
    elif isinstance(o, list):
        for v in o: walk(v, keys, out, parent)

rows = []
for platform in sorted(os.listdir(ROOT)):
    folder = os.path.join(ROOT, platform)
    if not os.path.isdir(folder) or platform in SKIP: continue
    found = set()
    for dirpath, _, files in os.walk(folder):
        for f in sorted(files):
            if not (f.endswith('.json') or f.endswith('.yaml')): continue
            if 'request' in f: continue
            for body in bodies(os.path.join(dirpath, f)):
                walk(body, KEYS[platform], found)
    for kind, value in sorted(found):
        rows.append((platform, kind, value))
for platform, kind, value in rows:
    print(platform + '\t' + kind + '\t' + json.dumps(value, ensure_ascii=False))
