"""Summarise a JFR recording for RESULTS-tape.md: self and inclusive execution samples by method, collector
pauses, and allocation samples by class.

  jfr print --json --events jdk.ExecutionSample,jdk.GarbageCollection,jdk.ObjectAllocationSample \
      --stack-depth 64 rec.jfr > rec.json
  python3 jfr_summary.py rec.json
"""
import json,sys,collections
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
top=collections.Counter(); incl=collections.Counter(); n=0
gc=0.0; gcn=0; alloc=collections.Counter()
for e in ev:
    t=e['type']
    if t=='jdk.ExecutionSample':
        fr=e['values']['stackTrace']['frames']
        if not fr: continue
        n+=1
        f0=fr[0]['method']; top[f0['type']['name'].split('.')[-1]+'.'+f0['name']]+=1
        seen=set()
        for f in fr:
            m=f['method']; k=m['type']['name'].split('.')[-1]+'.'+m['name']
            if k not in seen: incl[k]+=1; seen.add(k)
    elif t=='jdk.GarbageCollection':
        dur=e['values']['sumOfPauses']; 
        gc+=float(dur.rstrip('sS').replace('PT','')) if isinstance(dur,str) else dur; gcn+=1
    elif t=='jdk.ObjectAllocationSample':
        alloc[e['values']['objectClass']['name']]+=e['values']['weight']
print('samples',n,'gc pauses',gcn,'total',gc)
print('TOP self'); [print(' %5.1f%% %s'%(100*c/n,k)) for k,c in top.most_common(25)]
print('TOP incl'); [print(' %5.1f%% %s'%(100*c/n,k)) for k,c in incl.most_common(40)]
tot=sum(alloc.values()); print('ALLOC'); [print(' %5.1f%% %s'%(100*c/tot,k)) for k,c in alloc.most_common(15)]
