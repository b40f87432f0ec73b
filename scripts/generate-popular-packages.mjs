// Regenerates src/core/supply-chain/data/popular-packages.json: the most-used package names per
// ecosystem, which the lookalike check compares new dependencies against.
//
// Usage: node scripts/generate-popular-packages.mjs [--npm npm.tsv] [--pypi pypi.tsv] [--count 5000]
// Inputs are the registry package lists of the development machine:
//   npm.tsv  columns: name, version, downloads_a_month, summary       (top --count by downloads_a_month)
//   pypi.tsv columns: name, version, month, rank_among_15000_most_downloaded, summary (top --count by rank)
// Go, Cargo, RubyGems, Maven and Packagist names are listed by hand below.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';

const DEFAULT_LISTS = '/work/.library/env/packages';
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'core', 'supply-chain', 'data', 'popular-packages.json');

/** Widely used names of the smaller ecosystems, listed by hand (well-known, long-established projects). */
const HAND_LISTED = {
  go: [
    'github.com/gin-gonic/gin', 'github.com/gorilla/mux', 'github.com/gorilla/websocket', 'github.com/labstack/echo/v4',
    'github.com/gofiber/fiber/v2', 'github.com/go-chi/chi/v5', 'github.com/spf13/cobra', 'github.com/spf13/viper',
    'github.com/spf13/pflag', 'github.com/sirupsen/logrus', 'go.uber.org/zap', 'github.com/rs/zerolog',
    'github.com/stretchr/testify', 'github.com/google/uuid', 'github.com/pkg/errors', 'github.com/golang/protobuf',
    'google.golang.org/protobuf', 'google.golang.org/grpc', 'github.com/go-sql-driver/mysql', 'github.com/lib/pq',
    'github.com/jackc/pgx/v5', 'github.com/mattn/go-sqlite3', 'gorm.io/gorm', 'github.com/jmoiron/sqlx',
    'github.com/redis/go-redis/v9', 'github.com/go-redis/redis/v8', 'go.mongodb.org/mongo-driver', 'github.com/aws/aws-sdk-go',
    'github.com/aws/aws-sdk-go-v2', 'github.com/prometheus/client_golang', 'github.com/golang-jwt/jwt/v5',
    'github.com/dgrijalva/jwt-go', 'github.com/joho/godotenv', 'github.com/kelseyhightower/envconfig',
    'github.com/urfave/cli/v2', 'github.com/fatih/color', 'github.com/mitchellh/mapstructure', 'gopkg.in/yaml.v3',
    'gopkg.in/yaml.v2', 'github.com/BurntSushi/toml', 'github.com/json-iterator/go', 'github.com/tidwall/gjson',
    'golang.org/x/crypto', 'golang.org/x/net', 'golang.org/x/sync', 'golang.org/x/sys', 'golang.org/x/text',
    'golang.org/x/oauth2', 'golang.org/x/time', 'golang.org/x/tools', 'golang.org/x/mod', 'golang.org/x/exp',
    'github.com/hashicorp/go-multierror', 'github.com/hashicorp/terraform-plugin-sdk/v2', 'github.com/hashicorp/consul/api',
    'github.com/hashicorp/vault/api', 'k8s.io/client-go', 'k8s.io/apimachinery', 'k8s.io/api', 'sigs.k8s.io/controller-runtime',
    'github.com/docker/docker', 'github.com/opencontainers/runc', 'github.com/cenkalti/backoff/v4', 'github.com/gomodule/redigo',
    'github.com/nats-io/nats.go', 'github.com/segmentio/kafka-go', 'github.com/Shopify/sarama', 'github.com/IBM/sarama',
    'github.com/go-playground/validator/v10', 'github.com/google/go-cmp', 'github.com/golang/mock', 'go.uber.org/mock',
    'github.com/onsi/ginkgo/v2', 'github.com/onsi/gomega', 'github.com/spf13/afero', 'github.com/gorilla/sessions',
    'github.com/valyala/fasthttp', 'github.com/julienschmidt/httprouter', 'github.com/go-resty/resty/v2',
    'github.com/cespare/xxhash/v2', 'github.com/dustin/go-humanize', 'github.com/olekukonko/tablewriter',
    'github.com/charmbracelet/bubbletea', 'github.com/charmbracelet/lipgloss', 'go.opentelemetry.io/otel',
    'github.com/sashabaranov/go-openai', 'github.com/anthropics/anthropic-sdk-go', 'github.com/openai/openai-go',
    'github.com/tmc/langchaingo', 'github.com/ollama/ollama',
  ],
  cargo: [
    'serde', 'serde_json', 'serde_derive', 'serde_yaml', 'tokio', 'tokio-util', 'futures', 'async-trait', 'anyhow', 'thiserror',
    'clap', 'structopt', 'rand', 'regex', 'lazy_static', 'once_cell', 'log', 'env_logger', 'tracing', 'tracing-subscriber',
    'reqwest', 'hyper', 'axum', 'actix-web', 'rocket', 'warp', 'tower', 'tower-http', 'http', 'url', 'bytes', 'chrono', 'time',
    'uuid', 'itertools', 'rayon', 'crossbeam', 'parking_lot', 'dashmap', 'indexmap', 'hashbrown', 'smallvec', 'bitflags',
    'base64', 'hex', 'sha2', 'md5', 'ring', 'rustls', 'openssl', 'native-tls', 'sqlx', 'diesel', 'rusqlite', 'redis',
    'mongodb', 'toml', 'csv', 'libc', 'syn', 'quote', 'proc-macro2', 'num', 'num-traits', 'byteorder', 'memchr', 'nom',
    'pest', 'walkdir', 'glob', 'tempfile', 'dirs', 'directories', 'indicatif', 'colored', 'termcolor', 'crossterm', 'ratatui',
    'tui', 'prost', 'tonic', 'bincode', 'flate2', 'zip', 'tar', 'image', 'wasm-bindgen', 'web-sys', 'js-sys', 'getrandom',
    'criterion', 'proptest', 'quickcheck', 'mockall', 'async-std', 'mio', 'socket2', 'signal-hook', 'ctrlc', 'semver',
    'unicode-segmentation', 'percent-encoding', 'jsonwebtoken', 'argon2', 'bcrypt', 'candle-core', 'tch', 'ndarray',
    'polars', 'arrow', 'async-openai', 'tiktoken-rs', 'tokenizers',
  ],
  rubygems: [
    'rails', 'rack', 'rake', 'bundler', 'rspec', 'rspec-rails', 'rspec-core', 'minitest', 'puma', 'unicorn', 'sinatra',
    'activerecord', 'activesupport', 'actionpack', 'devise', 'pundit', 'cancancan', 'sidekiq', 'resque', 'redis', 'pg',
    'mysql2', 'sqlite3', 'nokogiri', 'json', 'faraday', 'httparty', 'rest-client', 'rubocop', 'rubocop-rails', 'pry',
    'byebug', 'factory_bot', 'factory_bot_rails', 'faker', 'capybara', 'selenium-webdriver', 'webmock', 'vcr', 'simplecov',
    'dotenv', 'dotenv-rails', 'bootsnap', 'sprockets', 'sass-rails', 'webpacker', 'jbuilder', 'turbo-rails', 'stimulus-rails',
    'importmap-rails', 'kaminari', 'will_paginate', 'paperclip', 'carrierwave', 'aws-sdk-s3', 'jwt', 'bcrypt', 'omniauth',
    'rack-cors', 'thor', 'tzinfo', 'i18n', 'concurrent-ruby', 'zeitwerk', 'mail', 'rexml', 'ffi', 'oj', 'colorize',
    'ruby-openai', 'anthropic', 'langchainrb', 'stripe', 'twilio-ruby', 'graphql', 'grape', 'hanami', 'dry-validation',
  ],
  maven: [
    'org.springframework.boot:spring-boot-starter-web', 'org.springframework.boot:spring-boot-starter',
    'org.springframework.boot:spring-boot-starter-test', 'org.springframework.boot:spring-boot-starter-data-jpa',
    'org.springframework.boot:spring-boot-starter-security', 'org.springframework:spring-core', 'org.springframework:spring-context',
    'org.springframework:spring-web', 'org.springframework:spring-webmvc', 'com.fasterxml.jackson.core:jackson-databind',
    'com.fasterxml.jackson.core:jackson-core', 'com.fasterxml.jackson.core:jackson-annotations', 'com.google.guava:guava',
    'com.google.code.gson:gson', 'org.apache.commons:commons-lang3', 'commons-io:commons-io', 'commons-codec:commons-codec',
    'org.apache.commons:commons-collections4', 'org.apache.httpcomponents:httpclient', 'org.apache.httpcomponents.client5:httpclient5',
    'com.squareup.okhttp3:okhttp', 'com.squareup.retrofit2:retrofit', 'org.slf4j:slf4j-api', 'ch.qos.logback:logback-classic',
    'org.apache.logging.log4j:log4j-core', 'org.apache.logging.log4j:log4j-api', 'junit:junit', 'org.junit.jupiter:junit-jupiter',
    'org.junit.jupiter:junit-jupiter-api', 'org.mockito:mockito-core', 'org.assertj:assertj-core', 'org.hamcrest:hamcrest',
    'org.projectlombok:lombok', 'org.hibernate:hibernate-core', 'org.hibernate.orm:hibernate-core', 'mysql:mysql-connector-java',
    'com.mysql:mysql-connector-j', 'org.postgresql:postgresql', 'com.h2database:h2', 'io.netty:netty-all', 'io.reactivex.rxjava3:rxjava',
    'org.jetbrains.kotlin:kotlin-stdlib', 'org.jetbrains.kotlinx:kotlinx-coroutines-core', 'org.yaml:snakeyaml',
    'io.jsonwebtoken:jjwt', 'io.jsonwebtoken:jjwt-api', 'com.auth0:java-jwt', 'org.apache.kafka:kafka-clients',
    'redis.clients:jedis', 'io.lettuce:lettuce-core', 'software.amazon.awssdk:s3', 'com.amazonaws:aws-java-sdk-s3',
    'io.micrometer:micrometer-core', 'io.grpc:grpc-netty', 'com.google.protobuf:protobuf-java', 'org.apache.poi:poi',
    'org.apache.poi:poi-ooxml', 'com.zaxxer:HikariCP', 'org.flywaydb:flyway-core', 'org.liquibase:liquibase-core',
    'com.theokanning.openai-gpt3-java:service', 'com.openai:openai-java', 'com.anthropic:anthropic-java', 'dev.langchain4j:langchain4j',
    'androidx.appcompat:appcompat', 'androidx.core:core-ktx', 'com.google.android.material:material',
  ],
  packagist: [
    'laravel/framework', 'laravel/laravel', 'laravel/sanctum', 'laravel/tinker', 'laravel/sail', 'symfony/console',
    'symfony/http-foundation', 'symfony/http-kernel', 'symfony/routing', 'symfony/yaml', 'symfony/process', 'symfony/finder',
    'symfony/var-dumper', 'symfony/event-dispatcher', 'symfony/polyfill-mbstring', 'symfony/symfony', 'guzzlehttp/guzzle',
    'guzzlehttp/psr7', 'guzzlehttp/promises', 'monolog/monolog', 'phpunit/phpunit', 'mockery/mockery', 'fakerphp/faker',
    'fzaninotto/faker', 'doctrine/orm', 'doctrine/dbal', 'doctrine/annotations', 'doctrine/inflector', 'nesbot/carbon',
    'vlucas/phpdotenv', 'psr/log', 'psr/http-message', 'psr/container', 'league/flysystem', 'league/oauth2-client',
    'firebase/php-jwt', 'ramsey/uuid', 'twig/twig', 'phpstan/phpstan', 'squizlabs/php_codesniffer', 'friendsofphp/php-cs-fixer',
    'predis/predis', 'aws/aws-sdk-php', 'stripe/stripe-php', 'phpmailer/phpmailer', 'swiftmailer/swiftmailer',
    'intervention/image', 'spatie/laravel-permission', 'barryvdh/laravel-debugbar', 'nunomaduro/collision',
    'openai-php/client', 'openai-php/laravel', 'composer/composer', 'slim/slim', 'filp/whoops', 'egulias/email-validator',
  ],
};

/** Well-known names just below the cut-off that squatters target (frameworks, AI SDKs), added to the top lists. */
const ALSO_POPULAR = {
  npm: ['electron', 'langchain', '@langchain/openai', '@langchain/anthropic', '@langchain/community', 'discord.js', 'ollama',
    'llamaindex', 'ai', '@ai-sdk/openai', '@ai-sdk/anthropic', '@google/generative-ai', '@google/genai', '@huggingface/inference',
    '@huggingface/transformers', '@xenova/transformers', '@mistralai/mistralai', 'cohere-ai', 'groq-sdk', 'replicate',
    'puppeteer', 'web3', 'ethers', '@solana/web3.js', 'bitcoinjs-lib', 'twilio', 'stripe', 'nodemailer', 'node-sass', 'babel-cli',
    'coffee-script', 'gulp', 'grunt', 'bower', 'request'],
  pypi: ['langchain-openai', 'langchain-anthropic', 'langchain-community', 'llama-index', 'ollama', 'mistralai', 'cohere',
    'groq', 'replicate', 'google-generativeai', 'google-genai', 'tiktoken', 'sentence-transformers', 'diffusers', 'vllm',
    'pyautogen', 'crewai', 'python-nmap', 'discord-py', 'web3', 'solana', 'selenium', 'playwright'],
};

async function* rows(file) {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) { first = false; continue; }
    yield line.split('\t');
  }
}

async function topNpm(file, count) {
  const all = [];
  for await (const [name, , downloads] of rows(file)) {
    const n = Number(downloads);
    if (name && Number.isFinite(n) && n > 0) all.push([name, n]);
  }
  all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return all.slice(0, count).map(([name]) => name);
}

async function topPypi(file, count) {
  const all = [];
  for await (const [name, , , rank] of rows(file)) {
    const r = Number(rank);
    if (name && rank && Number.isFinite(r)) all.push([name.toLowerCase().replace(/[-_.]+/g, '-'), r]);
  }
  all.sort((a, b) => a[1] - b[1]);
  return [...new Set(all.map(([name]) => name))].slice(0, count);
}

async function main() {
  const { values } = parseArgs({ options: {
    npm: { type: 'string', default: path.join(DEFAULT_LISTS, 'npm.tsv') },
    pypi: { type: 'string', default: path.join(DEFAULT_LISTS, 'pypi.tsv') },
    count: { type: 'string', default: '5000' },
  } });
  const count = Number(values.count);
  const data = {
    source: `npm: top ${count} of ${path.basename(values.npm)} by downloads_a_month; pypi: top ${count} of ${path.basename(values.pypi)} by rank_among_15000_most_downloaded; plus names listed by hand in scripts/generate-popular-packages.mjs (a few npm/pypi frameworks and AI SDKs; go, cargo, rubygems, maven, packagist)`,
    generated: new Date().toISOString().slice(0, 10),
    npm: [...new Set([...(await topNpm(values.npm, count)), ...ALSO_POPULAR.npm])],
    pypi: [...new Set([...(await topPypi(values.pypi, count)), ...ALSO_POPULAR.pypi])],
    ...Object.fromEntries(Object.entries(HAND_LISTED).map(([k, v]) => [k, [...new Set(v)]])),
  };
  const text = `{\n${Object.entries(data).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${data.npm.length} npm, ${data.pypi.length} pypi, ${text.length} bytes`);
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
