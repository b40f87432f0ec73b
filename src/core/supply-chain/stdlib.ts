// Module names that ship with the language, so an import of them is never a dependency.

/** Top-level modules of the Python 3 standard library (from `sys.stdlib_module_names`, CPython 3.11+). */
export const PYTHON_STDLIB: ReadonlySet<string> = new Set(
  'abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo __future__ _thread'.split(' '),
);

/** Node.js built-in modules (importable with or without `node:`). */
export const NODE_BUILTINS: ReadonlySet<string> = new Set(
  ('assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns domain events fs '
    + 'http http2 https inspector module net os path perf_hooks process punycode querystring readline repl stream '
    + 'string_decoder sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib test sea sqlite').split(' '),
);

/** Import names whose distribution on PyPI has another name. */
export const PYTHON_IMPORT_TO_DISTRIBUTION: Readonly<Record<string, string>> = {
  yaml: 'PyYAML', cv2: 'opencv-python', sklearn: 'scikit-learn', PIL: 'Pillow', bs4: 'beautifulsoup4',
  dateutil: 'python-dateutil', dotenv: 'python-dotenv', jwt: 'PyJWT', OpenSSL: 'pyOpenSSL', Crypto: 'pycryptodome',
  google: 'protobuf', attr: 'attrs', magic: 'python-magic', serial: 'pyserial', usb: 'pyusb', git: 'GitPython',
  docx: 'python-docx', pptx: 'python-pptx', fitz: 'PyMuPDF', skimage: 'scikit-image', Levenshtein: 'python-Levenshtein',
  MySQLdb: 'mysqlclient', psycopg2: 'psycopg2-binary', zmq: 'pyzmq', win32api: 'pywin32', gi: 'PyGObject',
  telegram: 'python-telegram-bot', discord: 'discord.py', slack_sdk: 'slack-sdk', jose: 'python-jose',
  multipart: 'python-multipart', socketio: 'python-socketio', engineio: 'python-engineio', ldap: 'python-ldap',
  nmap: 'python-nmap', markdown: 'Markdown', pkg_resources: 'setuptools', kafka: 'kafka-python', lxml: 'lxml',
  huggingface_hub: 'huggingface-hub', sentence_transformers: 'sentence-transformers', faiss: 'faiss-cpu',
  llama_index: 'llama-index', langchain_openai: 'langchain-openai', langchain_community: 'langchain-community',
  google_auth_oauthlib: 'google-auth-oauthlib', googleapiclient: 'google-api-python-client', grpc: 'grpcio',
  pydantic_settings: 'pydantic-settings', typing_extensions: 'typing-extensions', websocket: 'websocket-client',
};
