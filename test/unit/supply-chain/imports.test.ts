import * as assert from 'node:assert/strict';
import { declaredPackages, importedModules, undeclaredImports } from '../../../src/core/supply-chain';

describe('supply-chain imports', () => {
  it('finds JS/TS imports, requires and dynamic imports, mapping subpaths and scopes to packages', () => {
    const text = [
      "import express from 'express';",
      "import type { Request } from 'express';",
      "import fp from 'lodash/fp';",
      "import { z } from '@acme/schemas/v2';",
      "import './styles.css';",
      "const fs = require('node:fs');",
      "const path = require('path');",
      "const local = require('../lib/db');",
      "const chalk = await import('chalk');",
      "import { x } from '@/components/x';",
      '',
    ].join('\n');
    assert.deepEqual(importedModules('typescript', text).map((r) => `${r.packageName}|${r.module}|${r.range.start.line}:${r.range.start.character}`), [
      'express|express|0:21', 'express|express|1:30', 'lodash|lodash/fp|2:16', '@acme/schemas|@acme/schemas/v2|3:19', 'chalk|chalk|8:28',
    ]);
  });

  it('reports only packages not declared, and ignores Node built-ins', () => {
    const text = "import express from 'express';\nimport axois from 'axois';\nimport { readFile } from 'node:fs/promises';\nimport http from 'http';\n";
    assert.deepEqual(undeclaredImports('javascript', text, new Set(['express'])).map((r) => `${r.packageName}|${r.range.start.line}`), ['axois|1']);
  });

  it('finds Python imports, ignores the standard library and relative imports, and maps import names to distributions', () => {
    const text = [
      'import os, sys',
      'import yaml',
      'import numpy as np',
      'from PIL import Image',
      'from sklearn.model_selection import train_test_split',
      'from . import models',
      'from .utils import helper',
      'import reqeusts',
      '    import cv2',
      'from bs4 import BeautifulSoup',
      '',
    ].join('\n');
    assert.deepEqual(undeclaredImports('python', text, new Set(['PyYAML', 'numpy', 'pillow'])).map((r) => `${r.packageName}|${r.module}|${r.range.start.line}:${r.range.start.character}`), [
      'scikit-learn|sklearn.model_selection|4:5', 'reqeusts|reqeusts|7:7', 'opencv-python|cv2|8:11', 'beautifulsoup4|bs4|9:5',
    ]);
  });

  it('finds Go imports not covered by go.mod and ignores the standard library', () => {
    const text = 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\tlog "github.com/sirupsen/logrus"\n\t"github.com/gin-gonic/gin/binding"\n\t"example.com/shop/internal/db"\n)\n\nimport "github.com/pkg/erors"\n';
    const declared = new Set(['example.com/shop', 'github.com/gin-gonic/gin']);
    assert.deepEqual(undeclaredImports('go', text, declared).map((r) => `${r.packageName}|${r.module}|${r.range.start.line}`), [
      'github.com/sirupsen/logrus|github.com/sirupsen/logrus|5', 'github.com/pkg/erors|github.com/pkg/erors|10',
    ]);
  });

  it('returns nothing for languages it does not read', () => {
    assert.deepEqual(undeclaredImports('markdown', "import x from 'y'", new Set()), []);
  });
});

describe('supply-chain declared packages', () => {
  it('declares go.mod requirements and the module itself, so internal packages are not flagged', () => {
    const declared = new Set(declaredPackages('go.mod', 'module example.com/shop\n\nrequire github.com/gin-gonic/gin v1.10.0\n'));
    assert.deepEqual([...declared].sort(), ['example.com/shop', 'github.com/gin-gonic/gin']);
    assert.deepEqual(undeclaredImports('go', 'import (\n\t"example.com/shop/internal/db"\n\t"github.com/gin-gonic/gin"\n)\n', declared), []);
  });
});
