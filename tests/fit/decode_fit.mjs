// Reads `reps build --to fit` files with Garmin's FIT SDK (npm @garmin/fitsdk, a test-time oracle
// installed into tests/fit/.node; never copied into the project) and checks them:
//
//   node decode_fit.mjs [--modules DIR] steps FILE.fit
//       checks isFIT, checkIntegrity, the header CRC and that decoding reports no errors, then
//       prints the file_id, the workout and every workout_step as one stable JSON line each.
//   node decode_fit.mjs [--modules DIR] compare FILE.fit TIMELINE.json CATALOG.reps...
//       walks the steps as a watch does (repeat steps jump back) and checks the walk against the
//       timeline's segments: kind, duration or reps, name, FIT exercise (from the `fit` lines of
//       the catalog files), weight, side and cue.
//   node decode_fit.mjs [--modules DIR] names FIT_NAMES.tsv CATALOG.reps...
//       checks every row of the TSV against the SDK's profile (category and exercise, names and
//       numbers), and that the TSV holds exactly the pairs the catalog files' `fit` lines use.
//
// Exit 0 when every check holds, 1 otherwise (the failures go to stderr).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const failures = [];
const fail = (message) => { failures.push(message); };

function parse_arguments(argv) {
    const args = { modules: join(dirname(fileURLToPath(import.meta.url)), '.node'), rest: [] };
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === '--modules') args.modules = argv[++i];
        else args.rest.push(argv[i]);
    }
    args.mode = args.rest.shift();
    const needed = { steps: 1, compare: 3, names: 2 }[args.mode];
    if (needed === undefined || args.rest.length < needed) {
        throw new Error('usage: node decode_fit.mjs [--modules DIR] steps FILE.fit | ' +
                        'compare FILE.fit TIMELINE.json CATALOG.reps... | names FIT_NAMES.tsv CATALOG.reps...');
    }
    return args;
}

// The SDK's JavaScript names are the profile's snake_case names in camelCase ("bench_press" ->
// "benchPress", "rowing_1" -> "rowing1", "stretch_90_90" -> "stretch90_90").
const camel = (snake) => snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase()).replace(/([a-zA-Z])_([0-9])/g, '$1$2');
const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

// exercise name -> [category, name] from the `fit` lines of catalog files.
function catalog_mappings(files) {
    const map = new Map();
    for (const file of files) {
        const text = readFileSync(file, 'utf8').replace(/#[^\n]*/g, '');
        for (const m of text.matchAll(/\bexercise\s+([a-z][a-z0-9_]*)\s+"(?:[^"\\]|\\.)*"\s*\{([^}]*)\}/g)) {
            const fit = /(?:^|[\s;])fit\s+([a-z][a-z0-9_]*)\s*\/\s*([a-z0-9][a-z0-9_]*)/.exec(m[2]);
            map.set(m[1], fit ? [fit[1], fit[2]] : null);
        }
    }
    return map;
}

async function load_sdk(modules) {
    const entry = join(modules, 'node_modules', '@garmin', 'fitsdk', 'src', 'index.js');
    return import(pathToFileURL(entry).href);
}

function decode(sdk, path) {
    const { Decoder, Stream, CrcCalculator } = sdk;
    const bytes = new Uint8Array(readFileSync(path));
    const decoder = new Decoder(Stream.fromByteArray(bytes));
    if (!decoder.isFIT()) fail(`${path}: not a FIT file`);
    if (!decoder.checkIntegrity()) fail(`${path}: integrity check failed (data size or file CRC)`);
    // The SDK accepts a header CRC of 0 ("not computed"); ours must be the real one.
    const header_crc = bytes[12] | (bytes[13] << 8);
    if (bytes[0] !== 14 || header_crc !== CrcCalculator.calculateCRC(bytes, 0, 12)) fail(`${path}: bad header CRC`);
    if (bytes[1] !== 0x20) fail(`${path}: protocol version is not 2.0`);
    const { messages, errors } = decoder.read();
    for (const error of errors) fail(`${path}: decode error: ${error.message ?? error}`);
    return messages;
}

// One workout_step as a plain object with stable keys, names in the profile's snake_case.
function step_object(sdk, step) {
    const out = { index: step.messageIndex };
    if (step.wktStepName !== undefined) out.name = step.wktStepName;
    out.duration_type = snake(String(step.durationType));
    if (step.durationType === 'reps') out.reps = step.durationReps;
    else if (step.durationType === 'time') out.seconds = step.durationTime;
    else if (step.durationType === 'repeatUntilStepsCmplt') {
        out.from_step = step.durationStep;
        out.times = step.repeatSteps;
    } else out.duration_value = step.durationValue;
    if (step.targetType !== undefined) out.target = snake(String(step.targetType));
    if (step.intensity !== undefined) out.intensity = snake(String(step.intensity));
    if (step.exerciseCategory !== undefined) {
        out.category = snake(String(step.exerciseCategory));
        const names = sdk.Profile.types[`${step.exerciseCategory}ExerciseName`] ?? {};
        out.exercise = names[step.exerciseName] !== undefined ? snake(names[step.exerciseName]) : step.exerciseName;
    }
    if (step.exerciseWeight !== undefined) out.weight_kg = Math.round(step.exerciseWeight * 100) / 100;
    if (step.weightDisplayUnit !== undefined) out.weight_unit = snake(String(step.weightDisplayUnit));
    if (step.notes !== undefined) out.notes = step.notes;
    return out;
}

function steps_of(sdk, path) {
    const messages = decode(sdk, path);
    const file_id = messages.fileIdMesgs ?? [];
    const workout = messages.workoutMesgs ?? [];
    const steps = (messages.workoutStepMesgs ?? []).map((s) => step_object(sdk, s));
    if (file_id.length !== 1 || file_id[0].type !== 'workout') fail(`${path}: expected one file_id of type workout`);
    if (workout.length !== 1) fail(`${path}: expected one workout message`);
    const w = workout[0] ?? {};
    if (w.numValidSteps !== steps.length) fail(`${path}: num_valid_steps ${w.numValidSteps}, steps ${steps.length}`);
    steps.forEach((s, i) => { if (s.index !== i) fail(`${path}: step ${i} has message_index ${s.index}`); });
    const header = {
        file: snake(String(file_id[0]?.type)), manufacturer: snake(String(file_id[0]?.manufacturer)),
        workout: w.wktName, sport: snake(String(w.sport)), sub_sport: snake(String(w.subSport)),
        steps: w.numValidSteps,
    };
    return { header, steps };
}

// The steps a watch goes through: a repeat step jumps back to from_step until it has run `times`.
function walk(steps, path) {
    const out = [];
    const done = new Map();
    for (let at = 0, guard = 0; at < steps.length;) {
        if (++guard > 1e6) { fail(`${path}: the repeat steps never end`); break; }
        const step = steps[at];
        if (step.duration_type !== 'repeat_until_steps_cmplt') { out.push(step); ++at; continue; }
        if (!(step.from_step < at)) { fail(`${path}: step ${at} repeats from a later step`); break; }
        const runs = done.get(at) ?? 1;
        if (runs < step.times) { done.set(at, runs + 1); at = step.from_step; } else { done.delete(at); ++at; }
    }
    return out;
}

// "16kg" -> 16, "2x10kg" -> 10 (per implement), "35lb" -> 15.88, "bw+10kg" -> 10; else undefined.
function weight_of(load) {
    const m = /^(?:bw\+|\d+x)?(\d+(?:\.\d+)?)(kg|lb)$/.exec(load ?? '');
    if (!m) return undefined;
    const kg = Number(m[1]) * (m[2] === 'lb' ? 0.45359237 : 1);
    return Math.round(kg * 100) / 100;
}

function compare(sdk, fit_path, json_path, catalog_files) {
    const timeline = JSON.parse(readFileSync(json_path, 'utf8'));
    if (timeline.format !== 'reps-timeline/1') return fail(`${json_path}: not a reps-timeline/1 document`);
    const { header, steps } = steps_of(sdk, fit_path);
    if (header.workout !== (timeline.title || timeline.workout)) fail(`${fit_path}: workout name '${header.workout}'`);
    const mappings = catalog_mappings(catalog_files);
    const flat = walk(steps, fit_path);
    if (flat.length !== timeline.segments.length) {
        fail(`${fit_path}: the steps walk through ${flat.length} steps, the timeline has ${timeline.segments.length} segments`);
    }
    const pause_names = { rest: 'Rest', switch: 'Switch sides', transition: 'Transition' };
    const phase_intensity = { warmup: 'warmup', main: 'active', cooldown: 'cooldown' };
    for (let i = 0; i < Math.min(flat.length, timeline.segments.length); ++i) {
        const seg = timeline.segments[i];
        const step = flat[i];
        const where = `${fit_path}: segment ${i} (step ${step.index})`;
        const expect = (what, actual, expected) => {
            if (actual !== expected) fail(`${where}: ${what} is ${JSON.stringify(actual)}, the timeline says ${JSON.stringify(expected)}`);
        };
        if (seg.kind !== 'work') {
            expect('name', step.name, pause_names[seg.kind]);
            expect('intensity', step.intensity, 'rest');
            expect('seconds', step.seconds, seg.duration);
            continue;
        }
        expect('intensity', step.intensity, phase_intensity[seg.phase]);
        if (seg.reps !== null && seg.seconds === null) expect('reps', step.reps, seg.reps);
        else expect('seconds', step.seconds, seg.seconds ?? seg.duration);
        const amrap = seg.title === 'AMRAP';
        expect('name', step.name, seg.title);
        const mapping = amrap ? null : mappings.get(seg.exercise);
        if (mapping === undefined) fail(`${where}: exercise '${seg.exercise}' is in no catalog file given`);
        expect('FIT exercise', step.category === undefined ? null : `${step.category}/${step.exercise}`,
               mapping ? `${mapping[0]}/${mapping[1]}` : null);
        expect('weight', step.weight_kg, amrap ? undefined : weight_of(seg.load));
        const notes = step.notes ?? '';
        if (seg.cue !== null && !notes.includes(seg.cue)) fail(`${where}: the notes '${notes}' lack the cue '${seg.cue}'`);
        if (seg.side !== null && !notes.includes(`${seg.side} side`)) fail(`${where}: the notes '${notes}' lack the side`);
    }
}

function check_names(sdk, tsv_path, catalog_files) {
    const types = sdk.Profile.types;
    const rows = readFileSync(tsv_path, 'utf8').split('\n').filter((line) => line !== '');
    if (rows.shift() !== 'category_name\tcategory_number\texercise_name\texercise_number') fail(`${tsv_path}: bad header`);
    const pairs = new Set();
    for (const [n, row] of rows.entries()) {
        const where = `${tsv_path}:${n + 2}`;
        const [category, category_number, exercise, exercise_number] = row.split('\t');
        pairs.add(`${category}/${exercise}`);
        if (types.exerciseCategory[Number(category_number)] !== camel(category)) {
            fail(`${where}: exercise_category ${category_number} is '${types.exerciseCategory[category_number]}', not '${category}'`);
            continue;
        }
        const names = types[`${camel(category)}ExerciseName`];
        if (names === undefined) { fail(`${where}: the profile has no ${category}_exercise_name type`); continue; }
        if (names[Number(exercise_number)] !== camel(exercise)) {
            fail(`${where}: ${category}_exercise_name ${exercise_number} is '${names[exercise_number]}', not '${exercise}'`);
        }
    }
    const used = new Set();
    for (const [name, mapping] of catalog_mappings(catalog_files)) {
        if (mapping === null) { fail(`exercise '${name}' has no fit line`); continue; }
        const pair = `${mapping[0]}/${mapping[1]}`;
        used.add(pair);
        if (!pairs.has(pair)) fail(`exercise '${name}': fit ${mapping[0]} / ${mapping[1]} is not in ${tsv_path}`);
    }
    for (const pair of pairs) if (!used.has(pair)) fail(`${tsv_path}: ${pair} is used by no catalog exercise`);
    console.log(`${rows.length} FIT pairs checked against the SDK profile ${sdk.Profile.version.major}.${sdk.Profile.version.minor}; ` +
                `${used.size} used by the catalog`);
}

const args = parse_arguments(process.argv.slice(2));
const sdk = await load_sdk(args.modules);
if (args.mode === 'steps') {
    const { header, steps } = steps_of(sdk, args.rest[0]);
    console.log(JSON.stringify(header));
    for (const step of steps) console.log(JSON.stringify(step));
} else if (args.mode === 'compare') {
    compare(sdk, args.rest[0], args.rest[1], args.rest.slice(2));
} else {
    check_names(sdk, args.rest[0], args.rest.slice(1));
}
for (const message of failures) console.error(`decode_fit: ${message}`);
process.exit(failures.length === 0 ? 0 : 1);
