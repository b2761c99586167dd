/**
 * How kubectl reads YAML scalars, as a table: the expected JSON of every row was worked out by
 * reading go-yaml v2 (the fork in sigs.k8s.io/yaml that kubectl converts YAML to JSON with) and
 * its tests, never by running this project's reader.
 *
 * Where the facts come from (all at the commit below):
 * - `goyaml.v2/resolve.go`: resolveMapList (line 32, the YAML 1.1 booleans and nulls, .inf, .nan),
 *   the hint table of first characters, `strings.Replace(in, "_", "", -1)` (line 150), then
 *   `strconv.ParseInt(plain, 0, 64)` (151), `strconv.ParseUint(plain, 0, 64)` (159), the
 *   yamlStyleFloat regexp (84), the "0b" and "-0b" fallbacks (169, 182); `strconv.ParseFloat(in,
 *   64)` for a text starting with '.' (134); base 60 is unsupported (124); a tag must agree with
 *   what the text resolves to, !!float also takes an int (95-109);
 * - `goyaml.v2/decode.go`: timestamps stay strings in interface{} (474); !!binary is base64 (422);
 * - `yaml.go` convertToJSONableObject: int keys with strconv.Itoa (220), floats with
 *   strconv.FormatFloat(f, 'g', -1, 32) (230) and .inf/-.inf/.nan, bools (240), any other key
 *   type is an error (247);
 * - the tests: `goyaml.v2/decode_test.go` and `yaml_test.go` (TestYAMLToJSON), cited by line;
 * - Go's strconv semantics: base prefixes need a digit after them (ParseUint's `len(s) >= 3`),
 *   `0B`/`0O`/`0X` are accepted, an overflow is an error (ErrRange); json.Marshal fails on
 *   +Inf, -Inf and NaN ("json: unsupported value").
 *
 * Rows marked `ours` are where this project refuses what kubectl reads (the header of
 * src/manifests/yaml-reader.ts says why): they are errors here, and the `why` says what kubectl
 * would do.
 */
export const SOURCE = {
  repository: 'https://github.com/kubernetes-sigs/yaml',
  commit: '0fe7da35edc6aa625b56143f278741913b204464',
  files: ['goyaml.v2/resolve.go', 'goyaml.v2/decode.go', 'yaml.go', 'goyaml.v2/decode_test.go', 'yaml_test.go'],
} as const;

/** The reading is an error (kubectl's, or this project's where marked `ours`). */
export const ERROR = Symbol('error');

export interface ValueRow {
  /** the scalar as written after `v: ` */
  readonly yaml: string;
  /** the JSON value kubectl produces (as JavaScript holds it), or ERROR */
  readonly json: unknown;
  readonly why: string;
  /** an error of this project where kubectl reads something */
  readonly ours?: true;
}

export interface KeyRow {
  /** the key as written before `: x` */
  readonly yaml: string;
  /** the JSON key kubectl makes of it, or ERROR */
  readonly key: string | typeof ERROR;
  readonly why: string;
}

export const VALUES: readonly ValueRow[] = [
  // integers: underscores removed, then strconv.ParseInt(s, 0, 64), then ParseUint
  { yaml: '0', json: 0, why: 'ParseInt' },
  { yaml: '-0', json: 0, why: 'ParseInt: the integer 0' },
  { yaml: '+12', json: 12, why: 'ParseInt takes a sign' },
  { yaml: '685230', json: 685230, why: 'decode_test.go:115' },
  { yaml: '+685_230', json: 685230, why: 'decode_test.go:118' },
  { yaml: '02472256', json: 685230, why: 'decode_test.go:121: a leading 0 is octal' },
  { yaml: '010', json: 8, why: 'a leading 0 is octal' },
  { yaml: '0o26', json: 22, why: 'ParseInt base 0: 0o' },
  { yaml: '0O26', json: 22, why: 'ParseInt base 0: the prefix letter in either case' },
  { yaml: '0x50', json: 80, why: 'ParseInt base 0: 0x' },
  { yaml: '0X50', json: 80, why: 'ParseInt base 0: 0X' },
  { yaml: '0x_0A_74_AE', json: 685230, why: 'decode_test.go:124' },
  { yaml: '0b1010_0111_0100_1010_1110', json: 685230, why: 'decode_test.go:127' },
  { yaml: '-0b101010', json: -42, why: 'decode_test.go:130' },
  { yaml: '0b-1', json: -1, why: 'resolve.go:169: ParseInt(plain[2:], 2, 64) takes a sign' },
  { yaml: '-0b-1', json: '-0b-1', why: 'resolve.go:182: ParseInt("--1", 2) fails' },
  { yaml: '1_000', json: 1000, why: 'underscores removed' },
  { yaml: '1__0', json: 10, why: 'every underscore removed' },
  { yaml: '1_', json: 1, why: 'every underscore removed' },
  { yaml: '_1', json: '_1', why: "'_' is not in the hint table: a string" },
  { yaml: '08', json: 8, why: 'octal fails, yamlStyleFloat matches: the float 8' },
  { yaml: '09.5', json: 9.5, why: 'yamlStyleFloat' },
  { yaml: '0x', json: '0x', why: 'ParseInt needs a digit after the prefix; no float' },
  { yaml: '0b', json: '0b', why: 'no digits: a string' },
  { yaml: '0o', json: '0o', why: 'no digits: a string' },
  { yaml: '0b2', json: '0b2', why: '2 is not binary: a string' },
  { yaml: '0xG', json: '0xG', why: 'G is not hexadecimal: a string' },
  { yaml: '9223372036854775807', json: 9223372036854775807, why: 'int64 max (a double here)' },
  { yaml: '-9223372036854775808', json: -9223372036854775808, why: 'int64 min' },
  { yaml: '9223372036854775808', json: 9223372036854775808, why: 'ParseInt overflows, ParseUint reads it: uint64' },
  { yaml: '18446744073709551615', json: 18446744073709551615, why: 'uint64 max' },
  { yaml: '18446744073709551616', json: 18446744073709551616, why: 'beyond uint64: yamlStyleFloat, a float' },
  { yaml: '0xFFFFFFFFFFFFFFFF', json: 18446744073709551615, why: 'ParseUint base 0' },
  { yaml: '0x10000000000000000', json: '0x10000000000000000', why: 'beyond uint64 and not a float: a string' },
  { yaml: '1000000000000000000000000000000000000', json: 1e36, why: 'yaml_test.go:651' },
  { yaml: '9007199254740993', json: 9007199254740992, why: 'yaml_test.go:646: Go keeps it exact, a JavaScript number cannot' },
  // floats
  { yaml: '6.8523e+5', json: 685230, why: 'decode_test.go:78' },
  { yaml: '685.230_15e+03', json: 685230.15, why: 'decode_test.go:81' },
  { yaml: '685_230.15', json: 685230.15, why: 'decode_test.go:84' },
  { yaml: '1.5', json: 1.5, why: 'yamlStyleFloat' },
  { yaml: '.5', json: 0.5, why: "'.' hint: ParseFloat" },
  { yaml: '+.5', json: 0.5, why: 'yamlStyleFloat' },
  { yaml: '-.5e3', json: -500, why: 'yamlStyleFloat' },
  { yaml: '1.', json: 1, why: 'yamlStyleFloat allows no digit after the point' },
  { yaml: '1e5', json: 100000, why: 'yamlStyleFloat: an exponent without a point' },
  { yaml: '1E5', json: 100000, why: 'yamlStyleFloat' },
  { yaml: '-0.0', json: -0, why: 'a float: minus zero' },
  { yaml: '1e400', json: '1e400', why: 'ParseFloat overflows (ErrRange): a string' },
  { yaml: '.1e400', json: '.1e400', why: 'ParseFloat overflows: a string' },
  { yaml: '.', json: '.', why: 'ParseFloat fails: a string' },
  { yaml: '.e5', json: '.e5', why: 'no digit: a string' },
  { yaml: '1.2.3', json: '1.2.3', why: 'neither number nor float: a string' },
  { yaml: '0x1p4', json: '0x1p4', why: 'hexadecimal floats are not in yamlStyleFloat' },
  { yaml: '.inf', json: ERROR, why: 'resolveMapList: +Inf, which json.Marshal refuses' },
  { yaml: '-.Inf', json: ERROR, why: 'resolveMapList: -Inf' },
  { yaml: '+.INF', json: ERROR, why: 'resolveMapList: +Inf' },
  { yaml: '.nan', json: ERROR, why: 'resolveMapList: NaN' },
  { yaml: '.NaN', json: ERROR, why: 'resolveMapList: NaN' },
  { yaml: '.iNf', json: '.iNf', why: 'not in resolveMapList: a string' },
  { yaml: 'inf', json: 'inf', why: 'only the dotted forms are floats' },
  { yaml: 'nan', json: 'nan', why: "'n' hint: only the words of resolveMapList" },
  { yaml: 'Infinity', json: 'Infinity', why: "'I' is not a hint: a string" },
  // booleans: resolveMapList (YAML 1.1)
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((yaml) => ({ yaml, json: true, why: 'resolveMapList: true' })),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((yaml) => ({ yaml, json: false, why: 'resolveMapList: false' })),
  { yaml: 'yES', json: 'yES', why: 'not in resolveMapList' },
  { yaml: 'tRUE', json: 'tRUE', why: 'not in resolveMapList' },
  { yaml: 'oN', json: 'oN', why: 'not in resolveMapList' },
  { yaml: '"yes"', json: 'yes', why: 'quoted: a string' },
  { yaml: "'on'", json: 'on', why: 'quoted: a string' },
  // nulls
  ...['~', 'null', 'Null', 'NULL', ''].map((yaml) => ({ yaml, json: null, why: 'resolveMapList: null' })),
  { yaml: 'nULL', json: 'nULL', why: 'not in resolveMapList' },
  { yaml: "'null'", json: 'null', why: 'quoted: a string' },
  { yaml: '"~"', json: '~', why: 'quoted: a string' },
  // texts that look like something else
  { yaml: '2001-12-14', json: '2001-12-14', why: 'decode.go:474: a timestamp stays a string' },
  { yaml: '2001-12-14T21:59:43.10-05:00', json: '2001-12-14T21:59:43.10-05:00', why: 'a timestamp stays a string' },
  { yaml: '1:20', json: '1:20', why: 'resolve.go:124: no base 60' },
  { yaml: '190:20:30', json: '190:20:30', why: 'decode_test.go:140: base 60 unsupported' },
  { yaml: '-', json: ERROR, why: "scannerc.go: '-' before a line end is a sequence entry, not allowed after 'v:'" },
  { yaml: '-x', json: '-x', why: "'-' before a non-blank starts a plain scalar" },
  { yaml: '+', json: '+', why: 'a sign alone: a string' },
  { yaml: '<<', json: '<<', why: "'<' is not a hint: a string (only a key << merges)" },
  { yaml: '=', json: '=', why: 'a string (no YAML 1.1 value key)' },
  { yaml: '0.0.0.0/0', json: '0.0.0.0/0', why: 'not a float' },
  { yaml: '12:30:00', json: '12:30:00', why: 'no base 60' },
  { yaml: '"010"', json: '010', why: 'quoted: a string' },
  { yaml: "'0x50'", json: '0x50', why: 'quoted: a string' },
  { yaml: '"1:20"', json: '1:20', why: 'quoted: a string' },
  // tags: resolve() with the tag, which must agree with the text
  { yaml: '!!str 010', json: '010', why: '!!str keeps the text' },
  { yaml: '!!str true', json: 'true', why: '!!str keeps the text' },
  { yaml: '!!str', json: '', why: 'an empty !!str node' },
  { yaml: '!!int "10"', json: 10, why: 'a tag resolves quoted text too' },
  { yaml: "!!int '0x1F'", json: 31, why: 'a tag resolves quoted text too' },
  { yaml: '!!int abc', json: ERROR, why: 'resolve.go:109: cannot decode !!str as a !!int' },
  { yaml: '!!int 1.5', json: ERROR, why: 'cannot decode !!float as a !!int' },
  { yaml: "!!float '1.1'", json: 1.1, why: 'decode_test.go:406' },
  { yaml: '!!float 0', json: 0, why: 'decode_test.go:409: an int read as a float' },
  { yaml: '!!float -1', json: -1, why: 'decode_test.go:412' },
  { yaml: '!!float 18446744073709551615', json: ERROR, why: 'resolve.go:95: only int and int64 become floats, not uint64' },
  { yaml: "!!float 'error'", json: ERROR, why: 'decode_test.go:857' },
  { yaml: "!!null ''", json: null, why: 'decode_test.go:415' },
  { yaml: '!!null abc', json: ERROR, why: 'cannot decode !!str as a !!null' },
  { yaml: '!!bool yes', json: true, why: 'resolveMapList' },
  { yaml: '!!bool 1', json: ERROR, why: 'cannot decode !!int as a !!bool' },
  { yaml: '! test', json: 'test', why: 'decode_test.go:424: the non-specific tag' },
  { yaml: '! 10', json: '10', why: 'the non-specific tag: a string' },
  { yaml: '!!binary gIGC', json: '\ufffd\ufffd\ufffd', why: 'yaml_test.go:725: three bytes that are not UTF-8' },
  { yaml: '!!binary aGVsbG8=', json: 'hello', why: 'decode.go:420: base64' },
  { yaml: '!!binary ==', json: ERROR, why: 'decode_test.go:865: invalid base64' },
  { yaml: '!!timestamp 2015-01-01', json: '2015-01-01', why: 'decode_test.go:647' },
  { yaml: '!!timestamp "2015-01-01"', json: '2015-01-01', why: 'decode_test.go:642' },
  { yaml: '!!timestamp 2015-02-30', json: ERROR, why: "Go's time.Parse: day out of range" },
  { yaml: '!!timestamp abc', json: ERROR, why: 'cannot decode !!str as a !!timestamp' },
  { yaml: '!<tag:yaml.org,2002:int> "7"', json: 7, why: 'the verbatim form of !!int' },
  { yaml: '!!omap [{a: 1}]', json: ERROR, why: 'kubectl ignores the tag and reads a list', ours: true },
  { yaml: '!foo bar', json: ERROR, why: 'kubectl ignores the tag and reads "bar"', ours: true },
];

export const KEYS: readonly KeyRow[] = [
  { yaml: 'True', key: 'true', why: 'yaml_test.go:665' },
  { yaml: 'no', key: 'false', why: 'yaml_test.go:670' },
  { yaml: 'y', key: 'true', why: 'resolveMapList, then "true"' },
  { yaml: '1', key: '1', why: 'yaml_test.go:675' },
  { yaml: '1.2', key: '1.2', why: 'yaml_test.go:680' },
  { yaml: '1000000000000000000000000000000000000', key: '1e+36', why: 'yaml_test.go:685' },
  { yaml: '1e+36', key: '1e+36', why: 'yaml_test.go:690' },
  { yaml: '"1e+36"', key: '1e+36', why: 'yaml_test.go:695' },
  { yaml: '0x10', key: '16', why: 'strconv.Itoa' },
  { yaml: '010', key: '8', why: 'octal, then strconv.Itoa' },
  { yaml: '-0', key: '0', why: 'the integer 0' },
  { yaml: '1.0', key: '1', why: "FormatFloat 'g'" },
  { yaml: '08', key: '8', why: "the float 8, FormatFloat 'g'" },
  { yaml: '1e6', key: '1e+06', why: "FormatFloat 'g': exponent >= 6 is %e, two exponent digits" },
  { yaml: '100000.0', key: '100000', why: "FormatFloat 'g': exponent 5 is %f" },
  { yaml: '123456789.0', key: '1.2345679e+08', why: 'FormatFloat with bitSize 32: float32 rounding' },
  { yaml: '3.14159265358979', key: '3.1415927', why: 'the shortest float32' },
  { yaml: '0.0001', key: '0.0001', why: "FormatFloat 'g': exponent -4 is %f" },
  { yaml: '0.00001', key: '1e-05', why: "FormatFloat 'g': exponent < -4 is %e" },
  { yaml: '-0.0', key: '-0', why: 'FormatFloat of minus zero' },
  { yaml: '1e300', key: '.inf', why: 'float32(1e300) is +Inf: ".inf"' },
  { yaml: '.inf', key: '.inf', why: 'yaml.go: +Inf is ".inf"' },
  { yaml: '-.inf', key: '-.inf', why: 'yaml.go: -Inf is "-.inf"' },
  { yaml: '.NaN', key: '.nan', why: 'yaml.go: NaN is ".nan"' },
  { yaml: '9223372036854775807', key: '9223372036854775807', why: 'an int64, in decimal (exact)' },
  { yaml: '9223372036854775808', key: ERROR, why: 'yaml.go:247: a uint64 key is unsupported' },
  { yaml: '~', key: ERROR, why: 'yaml_test.go:732: a null key' },
  { yaml: 'null', key: ERROR, why: 'yaml_test.go:738: a null key' },
  { yaml: "!!null ''", key: ERROR, why: 'a null key' },
  { yaml: '2001-12-14', key: '2001-12-14', why: 'a timestamp key stays a string' },
  { yaml: '!!str 1', key: '1', why: '!!str' },
  { yaml: '!!int "1"', key: '1', why: '!!int, then strconv.Itoa' },
  { yaml: '!!binary aGVsbG8=', key: 'hello', why: 'base64' },
  { yaml: "'<<'", key: '<<', why: 'decode.go:813: only a plain (or !!merge) << merges' },
  { yaml: '"yes"', key: 'yes', why: 'quoted: a string' },
];
