"""Summarise a JFR recording for RESULTS-tape.md: self and inclusive execution samples by method, collector
pauses, and allocation samples by class.

  jfr print --json --events jdk.ExecutionSample,jdk.GarbageCollection,jdk.ObjectAllocationSample \\
      --stack-depth 64 rec.jfr > rec.json
  python3 jfr_summary.py rec.json
"""
import collections
import json
import sys


def method(frame):
    m = frame['method']
    return m['type']['name'].split('.')[-1] + '.' + m['name']


def seconds(duration):
    # JFR prints durations as ISO-8601 ("PT0.0065S") in JSON
    return float(duration.replace('PT', '').rstrip('sS')) if isinstance(duration, str) else float(duration)


def main(path):
    events = json.load(open(path))['recording']['events']
    own, inclusive, allocated = collections.Counter(), collections.Counter(), collections.Counter()
    samples, pauses, paused = 0, 0, 0.0
    for e in events:
        kind, v = e['type'], e['values']
        if kind == 'jdk.ExecutionSample':
            frames = v['stackTrace']['frames']
            if not frames:
                continue
            samples += 1
            own[method(frames[0])] += 1
            for m in {method(f) for f in frames}:
                inclusive[m] += 1
        elif kind == 'jdk.GarbageCollection':
            pauses += 1
            paused += seconds(v['sumOfPauses'])
        elif kind == 'jdk.ObjectAllocationSample':
            allocated[v['objectClass']['name']] += v['weight']
    print('samples %d; collector pauses %d, %.3f s in all' % (samples, pauses, paused))
    for title, counter in (('self', own), ('inclusive', inclusive)):
        print('top %s' % title)
        for m, c in counter.most_common(30):
            print('  %5.1f%% %s' % (100.0 * c / max(samples, 1), m))
    total = sum(allocated.values()) or 1
    print('allocation by class')
    for cls, w in allocated.most_common(12):
        print('  %5.1f%% %s' % (100.0 * w / total, cls))


if __name__ == '__main__':
    main(sys.argv[1])
