// Registry of the supply-chain family: rules about the dependencies an AI edit adds.
import type { RuleMeta } from '../model';
import type { DependencyRule } from '../supply-chain/context';
import * as installScript from './dependency-install-script';
import * as lookalike from './dependency-lookalike';
import * as notFound from './dependency-not-found';
import * as suspiciousSource from './dependency-suspicious-source';
import * as unreviewed from './dependency-unreviewed';

/** Every supply-chain rule, in the order findings are reported for one dependency. */
export const supplyChainRules: readonly DependencyRule[] = [notFound, lookalike, unreviewed, suspiciousSource, installScript];

/** Metadata of every supply-chain rule. */
export const supplyChainRuleMetas: readonly RuleMeta[] = supplyChainRules.map((r) => r.meta);
