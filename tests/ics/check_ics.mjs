// Reads a `reps build --to ics` file with ical.js (a parser that shares no code with libical),
// registers its VTIMEZONEs, expands every event and prints "UID START END" in UTC, one per line.
// It fails (exit 1) when the bytes break RFC 5545 §3.1 (CRLF, 75 octets, split characters),
// when an event is malformed, when a time's zone is not the VTIMEZONE its TZID names, when
// ical.js and Node's own tz database (ICU, via Intl) disagree on an instant, or when an
// expectation given on the command line does not hold:
//
//   node check_ics.mjs [--modules DIR] FILE [--count N] [--switch DATE BEFORE AFTER]
//
//   --modules DIR  the npm prefix holding ical.js (default: .node beside this script)
//   --count N      the file has N event occurrences
//   --switch DATE BEFORE AFTER
//                  occurrences starting before DATE (YYYY-MM-DD, UTC) start at BEFORE (HH:MM
//                  UTC), the others at AFTER: a daylight-saving change between them.
//   --description UID FILE
//                  the DESCRIPTION of event UID ends, after a blank line, with FILE's text (the
//                  printable timeline, `reps build --to text`).
//   --calendar-name TEXT
//                  X-WR-CALNAME is a TEXT value (VALUE=TEXT: ical.js reads an x-property without it
//                  as raw text, escapes and all) that reads back as TEXT exactly.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const failures = [];
const fail = (message) => { failures.push(message); };

function parse_arguments(argv) {
    const args = { modules: join(dirname(fileURLToPath(import.meta.url)), '.node'), file: null };
    for (let i = 0; i < argv.length; ++i) {
        const arg = argv[i];
        if (arg === '--modules') args.modules = argv[++i];
        else if (arg === '--count') args.count = Number(argv[++i]);
        else if (arg === '--switch') args.switch = { date: argv[++i], before: argv[++i], after: argv[++i] };
        else if (arg === '--description') args.description = { uid: argv[++i], file: argv[++i] };
        else if (arg === '--calendar-name') args.calendar_name = argv[++i];
        else if (args.file === null) args.file = arg;
        else throw new Error(`unexpected argument '${arg}'`);
    }
    if (args.file === null) throw new Error('usage: node check_ics.mjs [--modules DIR] FILE [--count N] [--switch DATE BEFORE AFTER]');
    return args;
}

// The offset of `zone` from UTC (ms) at instant `ms`, from ICU's copy of the tz database.
function zone_offset(zone, ms) {
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    const part = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
    return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - ms;
}

// The UTC instant (ms) of a wall-clock time in `zone`, from ICU's offsets, read as RFC 5545
// §3.3.5 says: a time that occurs twice (clocks going back) is the first, a time that a clock
// change skips takes the offset from before the gap.
function intl_instant(time, zone) {
    const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    if (zone === 'UTC') return wall;
    const day = 24 * 3600 * 1000;
    const before = wall - zone_offset(zone, wall - 2 * day);
    const after = wall - zone_offset(zone, wall + 2 * day);
    const shows_wall = (ms) => ms + zone_offset(zone, ms) === wall;
    const readings = [before, after].filter(shows_wall).sort((a, b) => a - b);
    return readings.length > 0 ? readings[0] : before;
}

function check_time(ICAL, property_name, vevent, time, where) {
    const property = vevent.getFirstProperty(property_name);
    const tzid = property.getParameter('tzid');
    const zone = tzid ?? (time.zone === ICAL.Timezone.utcTimezone ? 'UTC' : null);
    if (zone === null) return fail(`${where}: ${property_name} is floating (no TZID, not UTC)`);
    if (tzid && time.zone.tzid !== tzid) {
        return fail(`${where}: ${property_name} TZID=${tzid} resolved to zone '${time.zone.tzid}', not its VTIMEZONE`);
    }
    const ical_ms = time.toUnixTime() * 1000;
    const icu_ms = intl_instant(time, zone);
    if (ical_ms !== icu_ms) {
        fail(`${where}: ${property_name} ${time.toString()} ${zone}: ical.js says ` +
             `${new Date(ical_ms).toISOString()}, ICU says ${new Date(icu_ms).toISOString()}`);
    }
    return ical_ms;
}

// RFC 5545 §3.1 on the raw bytes: CRLF line ends only, no line over 75 octets, and every
// physical line valid UTF-8 on its own (a fold never splits a character).
function check_bytes(bytes) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    let number = 1;
    for (let i = 0; i < bytes.length; ++i) {
        if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) fail(`line ${number}: CR without LF`);
        if (bytes[i] !== 0x0a) continue;
        if (i === 0 || bytes[i - 1] !== 0x0d) fail(`line ${number}: LF without CR`);
        const line = bytes.subarray(start, bytes[i - 1] === 0x0d ? i - 1 : i);
        if (line.length > 75) fail(`line ${number}: ${line.length} octets, more than 75`);
        try {
            decoder.decode(line);
        } catch {
            fail(`line ${number}: not valid UTF-8 on its own (a fold split a character)`);
        }
        start = i + 1;
        ++number;
    }
    if (start !== bytes.length) fail('the last line does not end with CRLF');
}

function main() {
    const args = parse_arguments(process.argv.slice(2));
    const require = createRequire(join(args.modules, 'package.json'));
    const ICAL = require('ical.js');

    const bytes = readFileSync(args.file);
    check_bytes(bytes);
    const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
        ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
    }
    for (const name of ['prodid', 'version']) {
        if (!calendar.hasProperty(name)) fail(`the calendar has no ${name.toUpperCase()}`);
    }

    if (args.calendar_name !== undefined) {
        const property = calendar.getFirstProperty('x-wr-calname');
        if (property === null) fail('the calendar has no X-WR-CALNAME');
        else if (property.type !== 'text' || property.getFirstValue() !== args.calendar_name) {
            fail(`X-WR-CALNAME reads as ${property.type} '${property.getFirstValue()}', expected text '${args.calendar_name}'`);
        }
    }

    const occurrences = [];
    const uids = new Set();
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
        const event = new ICAL.Event(vevent);
        const where = `event ${event.uid}`;
        for (const name of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'description']) {
            if (!vevent.hasProperty(name)) fail(`${where}: no ${name.toUpperCase()}`);
        }
        // The description as a calendar shows it, unfolded by ical.js: a short session summary
        // ("Runner Strength, week 1: 37:09", then a line per exercise), then (SPEC 7) the printable
        // timeline of that week's session.
        const description = String(vevent.getFirstPropertyValue('description') ?? '');
        const lines = description.split('\n');
        if (!event.summary.startsWith('Run: ') && !/^.+, week \d+: \d+:\d\d(:\d\d)?$/.test(lines[0])) {
            fail(`${where}: DESCRIPTION does not start with the session's title, week and length: '${lines[0]}'`);
        }
        if (args.description && args.description.uid === event.uid) {
            const timeline = readFileSync(args.description.file, 'utf8').replace(/\n+$/, '');
            if (!description.endsWith('\n\n' + timeline)) {
                fail(`${where}: DESCRIPTION does not end with the printable timeline of ${args.description.file}:\n${description}`);
            }
            args.description.seen = true;
        }
        if (uids.has(event.uid)) fail(`${where}: UID used twice`);
        uids.add(event.uid);
        const starts = [];
        if (event.isRecurring()) {
            const iterator = event.iterator();
            for (let next = iterator.next(); next; next = iterator.next()) starts.push(event.getOccurrenceDetails(next));
        } else {
            starts.push({ startDate: event.startDate, endDate: event.endDate });
        }
        for (const { startDate, endDate } of starts) {
            const start = check_time(ICAL, 'dtstart', vevent, startDate, where);
            const end = check_time(ICAL, 'dtend', vevent, endDate, where);
            if (start === undefined || end === undefined) continue;
            if (end <= start || (end - start) % 60000 !== 0) fail(`${where}: DTEND is not a whole number of minutes after DTSTART`);
            occurrences.push({ uid: event.uid, start, end });
        }
    }

    occurrences.sort((a, b) => a.start - b.start);
    for (const { uid, start, end } of occurrences) {
        console.log(`${uid} ${new Date(start).toISOString()} ${new Date(end).toISOString()}`);
    }
    if (args.description && !args.description.seen) fail(`no event ${args.description.uid}`);
    if (args.count !== undefined && occurrences.length !== args.count) {
        fail(`expected ${args.count} occurrences, found ${occurrences.length}`);
    }
    if (args.switch) {
        const change = Date.parse(`${args.switch.date}T00:00:00Z`);
        let before = 0;
        let after = 0;
        for (const { uid, start } of occurrences) {
            const expected = start < change ? args.switch.before : args.switch.after;
            if (start < change) ++before;
            else ++after;
            const actual = new Date(start).toISOString().slice(11, 16);
            if (actual !== expected) fail(`event ${uid}: starts at ${actual}Z, expected ${expected}Z`);
        }
        if (before === 0 || after === 0) fail(`--switch ${args.switch.date}: no occurrences on both sides of the change`);
    }

    for (const message of failures) console.error(`check_ics: ${message}`);
    process.exit(failures.length === 0 ? 0 : 1);
}

main();
