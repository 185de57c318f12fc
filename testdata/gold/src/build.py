import json, hashlib, sys, unicodedata

def slug(s):
    out=''; dash=False
    for ch in unicodedata.normalize('NFKD', s):
        if unicodedata.category(ch)=='Mn': continue
        if ch.isalnum():
            if dash and out: out+='-'
            dash=False; out+=ch.lower()
        else: dash=True
    return out or 'x'

import os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..') + '/'
def build(name, title, source, published, paras, ents, rels, claims, out=None):
    OUTD = out or OUT
    # paras: list of list of sentences
    text=''; sents=[]
    for pi,p in enumerate(paras):
        if pi: text+='\n\n'
        for si,s in enumerate(p):
            if si: text+=' '
            st=len(text); text+=s
            sents.append((st,len(text),s))
    did=hashlib.sha256(text.encode()).hexdigest()[:16]
    rec={"document":{"id":did,"iri":"https://w3id.org/newsgraph/id/doc/"+did,"title":title,"source":source,"url":None,"published":published,"language":"en","text":text},
         "sentences":[{"id":"s%d"%(i+1),"start":a,"end":b,"text":t} for i,(a,b,t) in enumerate(sents)],
         "entities":[],"relations":[],"claims":[]}
    for e in ents:
        eid,ename,typ=e[0],e[1],e[2]
        al=e[3] if len(e)>3 else []; ti=e[4] if len(e)>4 else []
        ments=[]
        for i,(a,b,t) in enumerate(sents):
            for n in [ename]+al:
                k=t.find(n)
                if k>=0:
                    ments.append({"sentence":"s%d"%(i+1),"start":a+k,"end":a+k+len(n),"text":n}); break
        rec["entities"].append({"id":eid,"iri":"https://w3id.org/newsgraph/id/"+typ.lower()+"/"+slug(ename),"name":ename,"type":typ,"aliases":al,"titles":ti,"mentions":ments})
    for r in rels:
        s,p,o,sid=r[:4]; cert=r[4] if len(r)>4 else "asserted"
        rec["relations"].append({"subject":s,"predicate":p,"object":o if isinstance(o,str) else {"text":o[0]},"sentence":sid,"certainty":cert,"negated":cert=="denied"})
    for i,c in enumerate(claims):
        d={"id":"c%d"%(i+1),"sentence":c["s"],"speaker":c.get("sp"),"speaker_text":c["st"],"cue":c["cue"],"content":c["content"],
           "quote":c.get("quote",False),"reported_by":c.get("rb",[]),"time":None,"certainty":c.get("cert","asserted"),"figures":[],"places":c.get("places",[])}
        if "time" in c: d["time"]={"text":c["time"][0],"value":c["time"][1]}
        for f in c.get("figs",[]):
            d["figures"].append({"text":f[0],"value":f[1],"unit":f[2],"of":f[3],"modifier":f[4]})
        assert c["content"] in text, (name, c["content"])
        rec["claims"].append(d)
    json.dump(rec,open(OUTD+name+'.json','w'),indent=2,ensure_ascii=False)
    open(OUTD+name+'.txt','w').write(text+'\n')

build('somalia','Ethiopian troops move into Somali border region','Newsgraph gold','2025-03-12',[
 ["Ethiopian forces have moved about 3,000 soldiers into the Gedo region of Somalia, according to local officials.",
  "Somali Defence Minister Abdulkadir Nur told Reuters on Tuesday that the deployment had not been approved by his government."],
 ["“We were not informed,” Nur said.","“If these troops stay, we will raise the matter at the African Union.”"],
 ["Ethiopia denied that any new units had crossed the border.",
  "A spokesperson for the African Union, Ebba Kalondo, said the organisation was monitoring the situation closely."],
 ["Gedo, in southwestern Somalia, borders Ethiopia and Kenya.",
  "Aid groups estimate that more than 20,000 people have fled the area since January."]],
 [("e1","Ethiopian forces","GROUP"),("e2","Ethiopia","GPE"),("e3","Gedo","GPE"),("e4","Somalia","GPE"),
  ("e5","Abdulkadir Nur","PERSON",["Nur"],["Somali Defence Minister"]),("e6","Reuters","ORG"),("e7","African Union","ORG"),
  ("e8","Ebba Kalondo","PERSON",[],["spokesperson for the African Union"]),("e9","Kenya","GPE")],
 [("e1","nationality","e2","s1"),("e1","move",["about 3,000 soldiers"],"s1"),("e3","located_in","e4","s1"),
  ("e5","member_of","e4","s2"),("e5","nationality","e4","s2"),("e8","member_of","e7","s6"),
  ("e3","located_in","e4","s7"),("e3","borders","e2","s7"),("e3","borders","e9","s7")],
 [dict(s="s1",sp=None,st="local officials",cue="according to",content="Ethiopian forces have moved about 3,000 soldiers into the Gedo region of Somalia",
       figs=[("about 3,000",3000,"soldiers",None,"approximate")],places=["e3","e4"]),
  dict(s="s2",sp="e5",st="Somali Defence Minister Abdulkadir Nur",cue="tell",content="the deployment had not been approved by his government",rb=["e6"],time=("on Tuesday","2025-03-11"),cert="denied"),
  dict(s="s3",sp="e5",st="Nur",cue="say",content="We were not informed,",quote=True,cert="denied"),
  dict(s="s5",sp="e2",st="Ethiopia",cue="deny",content="any new units had crossed the border",cert="denied"),
  dict(s="s6",sp="e8",st="A spokesperson for the African Union, Ebba Kalondo",cue="say",content="the organisation was monitoring the situation closely"),
  dict(s="s8",sp=None,st="Aid groups",cue="estimate",content="more than 20,000 people have fled the area since January",figs=[("more than 20,000",20000,"people",None,"lower_bound")])])

build('nordwell','Nordwell Energy shares fall on profit warning','Newsgraph gold','2024-10-25',[
 ["Shares in Nordwell Energy fell 12% yesterday after the company said its annual profit would be lower than expected.",
  "Chief executive Maria Lindqvist told analysts that the firm expected to earn around $450 million this year, down from $610 million in 2023."],
 ["“The market has been tough, and we have to be honest about it,” she said."],
 ["Nordwell, which is based in Oslo, Norway, employs more than 8,000 people.",
  "Analysts at Carnegie Bank said the company could cut up to 500 jobs.","The company did not comment on the report."]],
 [("e1","Nordwell Energy","ORG",["Nordwell"]),("e2","Maria Lindqvist","PERSON",[],["Chief executive"]),("e3","Oslo","GPE"),("e4","Norway","GPE"),("e5","Carnegie Bank","ORG")],
 [("e2","leader_of","e1","s2"),("e1","located_in","e3","s4"),("e3","located_in","e4","s4"),("e1","employ",["more than 8,000 people"],"s4")],
 [dict(s="s1",sp="e1",st="the company",cue="say",content="its annual profit would be lower than expected"),
  dict(s="s2",sp="e2",st="Chief executive Maria Lindqvist",cue="tell",content="the firm expected to earn around $450 million this year, down from $610 million in 2023",cert="likely",
       figs=[("around $450 million",450e6,"dollars",None,"approximate"),("$610 million",610e6,"dollars",None,"exact")]),
  dict(s="s3",sp="e2",st="she",cue="say",content="The market has been tough, and we have to be honest about it,",quote=True),
  dict(s="s5",sp=None,st="Analysts at Carnegie Bank",cue="say",content="the company could cut up to 500 jobs",cert="possible",figs=[("up to 500",500,"jobs",None,"upper_bound")])])

build('kaliningrad','Germany to send more tanks to Poland','Newsgraph gold','2024-06-14',[
 ["German Chancellor Olaf Scholz said on Thursday that Germany would send another 40 tanks to Poland by the end of the year.",
  "The announcement came after Polish President Andrzej Duda warned that Russian troops were massing near the border with Lithuania.",
  "Duda told the AFP news agency that at least 30,000 Russian soldiers had been stationed in Kaliningrad."],
 ["Scholz said he did not believe an attack was imminent.",
  "However, NATO Secretary General Jens Stoltenberg said the alliance would increase its presence in the region if the situation deteriorated."],
 ["Kaliningrad, a Russian exclave, borders Poland and Lithuania."]],
 [("e1","Olaf Scholz","PERSON",["Scholz"],["German Chancellor"]),("e2","Germany","GPE"),("e3","Poland","GPE"),
  ("e4","Andrzej Duda","PERSON",["Duda"],["Polish President"]),("e5","Russian troops","GROUP",["Russian soldiers"]),("e6","Lithuania","GPE"),
  ("e7","AFP","ORG"),("e8","Kaliningrad","GPE"),("e9","NATO","ORG"),("e10","Jens Stoltenberg","PERSON",[],["NATO Secretary General"]),("e11","Russia","GPE")],
 [("e1","leader_of","e2","s1"),("e1","nationality","e2","s1"),("e4","leader_of","e3","s2"),("e4","nationality","e3","s2"),("e5","nationality","e11","s2"),
  ("e5","located_in","e8","s3"),("e10","leader_of","e9","s5"),("e8","part_of","e11","s6"),("e8","borders","e3","s6"),("e8","borders","e6","s6"),
  ("e2","send",["another 40 tanks"],"s1")],
 [dict(s="s1",sp="e1",st="German Chancellor Olaf Scholz",cue="say",content="Germany would send another 40 tanks to Poland by the end of the year",time=("on Thursday","2024-06-13"),
       figs=[("40",40,"tanks",None,"exact")],places=["e2","e3"]),
  dict(s="s2",sp="e4",st="Polish President Andrzej Duda",cue="warn",content="Russian troops were massing near the border with Lithuania",places=["e6"]),
  dict(s="s3",sp="e4",st="Duda",cue="tell",content="at least 30,000 Russian soldiers had been stationed in Kaliningrad",rb=["e7"],
       figs=[("at least 30,000",30000,"soldiers","e5","lower_bound")],places=["e8"]),
  dict(s="s4",sp="e1",st="Scholz",cue="say",content="he did not believe an attack was imminent",cert="denied"),
  dict(s="s4",sp="e1",st="he",cue="believe",content="an attack was imminent",cert="denied"),
  dict(s="s5",sp="e10",st="NATO Secretary General Jens Stoltenberg",cue="say",content="the alliance would increase its presence in the region if the situation deteriorated",cert="conditional")])

build('nigeria','Floods kill dozens in northern Nigeria','Newsgraph gold','2024-09-03',[
 ["At least 42 people were killed when floods swept through northern Nigeria last week, the National Emergency Management Agency (NEMA) said.",
  "The agency said about 15,000 homes had been destroyed in Borno state."],
 ["Ibrahim Audu, a NEMA spokesman, told reporters in Maiduguri that rescue teams were still searching for survivors.","“The numbers may rise,” he said."],
 ["According to the United Nations, nearly two million people in the region need food aid.",
  "Local residents claimed the government had ignored warnings about the Alau dam, but officials denied the accusation."]],
 [("e1","Nigeria","GPE"),("e2","National Emergency Management Agency","ORG",["NEMA"]),("e3","Borno","GPE",["Borno state"]),
  ("e4","Ibrahim Audu","PERSON",[],["NEMA spokesman"]),("e5","Maiduguri","GPE"),("e6","United Nations","ORG"),("e7","Alau dam","FAC")],
 [("e4","member_of","e2","s3")],
 [dict(s="s1",sp="e2",st="the National Emergency Management Agency (NEMA)",cue="say",content="At least 42 people were killed when floods swept through northern Nigeria last week",
       figs=[("At least 42",42,"people",None,"lower_bound")],places=["e1"]),
  dict(s="s2",sp="e2",st="The agency",cue="say",content="about 15,000 homes had been destroyed in Borno state",figs=[("about 15,000",15000,"homes",None,"approximate")],places=["e3"]),
  dict(s="s3",sp="e4",st="Ibrahim Audu, a NEMA spokesman",cue="tell",content="rescue teams were still searching for survivors"),
  dict(s="s4",sp="e4",st="he",cue="say",content="The numbers may rise,",quote=True,cert="possible"),
  dict(s="s5",sp="e6",st="the United Nations",cue="according to",content="nearly two million people in the region need food aid",figs=[("nearly two million",2e6,"people",None,"approximate")]),
  dict(s="s6",sp=None,st="Local residents",cue="claim",content="the government had ignored warnings about the Alau dam",places=["e7"]),
  dict(s="s6",sp=None,st="officials",cue="deny",content="the accusation",cert="denied")])

build('vexa','EU fines Vexa 1.2 billion euros','Newsgraph gold','2025-01-20',[
 ["Brussels has fined the American technology company Vexa 1.2 billion euros for breaking European competition rules, the European Commission announced on Monday.",
  "Competition Commissioner Teresa Ribera said that Vexa had abused its dominant position for almost a decade."],
 ["Vexa said it would appeal the decision.","“We strongly disagree with the Commission’s findings,” a company spokesperson said in a statement."],
 ["The fine is the largest the Commission has imposed this year.",
  "Analysts at Bernstein estimated that the ruling could cost Vexa as much as 3 billion euros in lost revenue."]],
 [("e1","Brussels","GPE"),("e2","Vexa","ORG"),("e3","European Commission","ORG",["Commission"]),("e4","Teresa Ribera","PERSON",[],["Competition Commissioner"]),
  ("e5","Bernstein","ORG"),("e6","United States","GPE")],
 [("e2","nationality","e6","s1"),("e1","fine","e2","s1"),("e4","member_of","e3","s2")],
 [dict(s="s1",sp="e3",st="the European Commission",cue="announce",content="Brussels has fined the American technology company Vexa 1.2 billion euros for breaking European competition rules",
       time=("on Monday","2025-01-20"),figs=[("1.2 billion",1.2e9,"euros",None,"exact")],places=["e1"]),
  dict(s="s2",sp="e4",st="Competition Commissioner Teresa Ribera",cue="say",content="Vexa had abused its dominant position for almost a decade"),
  dict(s="s3",sp="e2",st="Vexa",cue="say",content="it would appeal the decision"),
  dict(s="s4",sp=None,st="a company spokesperson",cue="say",content="We strongly disagree with the Commission’s findings,",quote=True),
  dict(s="s6",sp=None,st="Analysts at Bernstein",cue="estimate",content="the ruling could cost Vexa as much as 3 billion euros in lost revenue",cert="possible",
       figs=[("as much as 3 billion",3e9,"euros",None,"upper_bound")])])
# Held out: written and annotated after the rules were frozen, never used
# for development.
HELD = OUT + 'heldout/'
build('cholera','Cholera cases rise in Mombasa','Newsgraph gold','2025-05-08',[
 ["Health officials in Kenya have confirmed 17 new cholera cases in the coastal city of Mombasa, the Ministry of Health said on Wednesday.",
  "The outbreak has killed at least four people since late April, according to a statement from the ministry."],
 ["Health Minister Aden Duale urged residents to boil drinking water.",
  "\"We are doing everything we can to contain the spread,\" Duale told journalists in Nairobi."],
 ["The World Health Organization warned that the disease could spread to neighbouring Tanzania if rains continue.",
  "Local doctors said hospitals were running short of supplies, but the ministry denied any shortage."]],
 [("e1","Kenya","GPE"),("e2","Mombasa","GPE"),("e3","Ministry of Health","ORG"),("e4","Aden Duale","PERSON",["Duale"],["Health Minister"]),
  ("e5","Nairobi","GPE"),("e6","World Health Organization","ORG"),("e7","Tanzania","GPE")],
 # "Health Minister Aden Duale" and "the Ministry of Health": added in the second session (a gold omission)
 [("e4","urge",["residents"],"s3"),("e4","leader_of","e3","s3")],
 [dict(s="s1",sp="e3",st="the Ministry of Health",cue="say",content="Health officials in Kenya have confirmed 17 new cholera cases in the coastal city of Mombasa",
       time=("on Wednesday","2025-05-07"),places=["e1","e2"]),
  # nested attribution (issue #6): the inner claim is the officials', relayed by the ministry; its figure is theirs
  dict(s="s1",sp=None,st="Health officials in Kenya",cue="confirm",content="17 new cholera cases in the coastal city of Mombasa",figs=[("17",17,"cases",None,"exact")],places=["e2"],rb=["e3"]),
  dict(s="s2",sp="e3",st="a statement from the ministry",cue="according to",content="The outbreak has killed at least four people since late April",
       figs=[("at least four",4,"people",None,"lower_bound")]),
  dict(s="s3",sp="e4",st="Health Minister Aden Duale",cue="urge",content="residents to boil drinking water"),
  dict(s="s4",sp="e4",st="Duale",cue="tell",content="We are doing everything we can to contain the spread,",quote=True),
  dict(s="s5",sp="e6",st="The World Health Organization",cue="warn",content="the disease could spread to neighbouring Tanzania if rains continue",cert="conditional",places=["e7"]),
  dict(s="s6",sp=None,st="Local doctors",cue="say",content="hospitals were running short of supplies"),
  dict(s="s6",sp="e3",st="the ministry",cue="deny",content="any shortage",cert="denied")], out=HELD)

build('strike','Kestrel Motors workers strike over pay','Newsgraph gold','2024-12-02',[
 ["Workers at the Hanover plant of German carmaker Kestrel Motors walked out on Friday after talks over pay collapsed.",
  "The IG Metall union said more than 4,000 employees took part in the strike."],
 ["Kestrel Motors chief executive Lena Vogt told the Financial Times that the company could not afford a 7% pay rise.",
  "\"Our costs have risen by nearly 30% in two years,\" she said."],
 ["Analysts expect the dispute to cost the company about 50 million euros a week.",
  "The union's leader, Jonas Brandt, said the workers would return only if management made a better offer."]],
 [("e1","Hanover","GPE"),("e2","Kestrel Motors","ORG"),("e3","IG Metall","ORG"),("e4","Lena Vogt","PERSON",[],["Kestrel Motors chief executive"]),
  ("e5","Financial Times","ORG"),("e6","Jonas Brandt","PERSON",[],["union's leader"]),("e7","Germany","GPE")],
 [("e2","nationality","e7","s1"),("e4","leader_of","e2","s3"),("e6","leader_of","e3","s6")],
 [dict(s="s2",sp="e3",st="The IG Metall union",cue="say",content="more than 4,000 employees took part in the strike",figs=[("more than 4,000",4000,"employees",None,"lower_bound")]),
  dict(s="s3",sp="e4",st="Kestrel Motors chief executive Lena Vogt",cue="tell",content="the company could not afford a 7% pay rise",rb=["e5"],cert="denied",
       figs=[("7%",7,"percent",None,"exact")]),
  dict(s="s4",sp="e4",st="she",cue="say",content="Our costs have risen by nearly 30% in two years,",quote=True,figs=[("nearly 30%",30,"percent",None,"approximate")]),
  dict(s="s5",sp=None,st="Analysts",cue="expect",content="the dispute to cost the company about 50 million euros a week",cert="likely",
       figs=[("about 50 million",5e7,"euros",None,"approximate")]),
  dict(s="s6",sp="e6",st="The union's leader, Jonas Brandt",cue="say",content="the workers would return only if management made a better offer",cert="conditional")], out=HELD)

# heldout2: written after the rules were last changed and scored once,
# without looking at the extractor's output while annotating.
HELD2 = OUT + 'heldout2/'
os.makedirs(HELD2, exist_ok=True)

build('border','Brazil and Argentina to reopen border crossings','Newsgraph gold','2025-02-14',[
 ["Brazilian Foreign Minister Mauro Vieira said on Thursday that the two countries would reopen six border crossings next month.",
  "The announcement followed talks in Buenos Aires with his Argentine counterpart, Gerardo Werthein."],
 ["“This is a good day for families on both sides of the border,” Vieira told reporters.",
  "Werthein said about 1,200 trucks a day could use the crossings once they reopen."],
 ["According to the Brazilian newspaper Folha de S.Paulo, the agreement also covers customs checks.",
  "Truck drivers' associations, however, said the plan did not go far enough.",
  "Argentina borders Brazil, Uruguay and Paraguay."]],
 [("e1","Mauro Vieira","PERSON",["Vieira"],["Brazilian Foreign Minister"]),("e2","Brazil","GPE"),("e3","Argentina","GPE"),
  ("e4","Buenos Aires","GPE"),("e5","Gerardo Werthein","PERSON",["Werthein"],["Argentine counterpart"]),
  ("e6","Folha de S.Paulo","ORG"),("e7","Uruguay","GPE"),("e8","Paraguay","GPE")],
 [("e1","nationality","e2","s1"),("e1","member_of","e2","s1"),("e5","nationality","e3","s2"),("e5","member_of","e3","s2"),("e6","nationality","e2","s5"),
  ("e3","borders","e2","s7"),("e3","borders","e7","s7"),("e3","borders","e8","s7")],
 [dict(s="s1",sp="e1",st="Brazilian Foreign Minister Mauro Vieira",cue="say",content="the two countries would reopen six border crossings next month",
       time=("on Thursday","2025-02-13"),figs=[("six",6,"crossings",None,"exact")]),
  dict(s="s3",sp="e1",st="Vieira",cue="tell",content="This is a good day for families on both sides of the border,",quote=True),
  dict(s="s4",sp="e5",st="Werthein",cue="say",content="about 1,200 trucks a day could use the crossings once they reopen",cert="possible",
       figs=[("about 1,200",1200,"trucks",None,"approximate")]),
  dict(s="s5",sp="e6",st="the Brazilian newspaper Folha de S.Paulo",cue="according to",content="the agreement also covers customs checks"),
  dict(s="s6",sp=None,st="Truck drivers' associations",cue="say",content="the plan did not go far enough",cert="denied")], out=HELD2)

build('mushrooms','Contaminated mushrooms kill a dozen in Krakow','Newsgraph gold','2025-06-10',[
 ["At least a dozen people have died after eating contaminated mushrooms in the Polish city of Krakow, health officials said on Monday.",
  "The regional health inspector, Anna Nowak, told the PAP news agency that eight thousand packages had been recalled from shops.",
  "Local media reported that the mushrooms were imported from Belarus, but the claim could not be verified."],
 ["The supplier, GreenField Foods, denied any wrongdoing.",
  "“We are cooperating fully with the authorities,” it said in a statement.",
  "Doctors warned that more cases were likely in the coming days."]],
 [("e1","Krakow","GPE"),("e2","Poland","GPE"),("e3","Anna Nowak","PERSON",[],["regional health inspector"]),("e4","PAP","ORG"),
  ("e5","Belarus","GPE"),("e6","GreenField Foods","ORG")],
 [("e1","located_in","e2","s1")],
 [dict(s="s1",sp=None,st="health officials",cue="say",content="At least a dozen people have died after eating contaminated mushrooms in the Polish city of Krakow",
       time=("on Monday","2025-06-09"),figs=[("At least a dozen",12,"people",None,"lower_bound")],places=["e1"]),
  dict(s="s2",sp="e3",st="The regional health inspector, Anna Nowak",cue="tell",content="eight thousand packages had been recalled from shops",rb=["e4"],
       figs=[("eight thousand",8000,"packages",None,"exact")]),
  dict(s="s3",sp=None,st="Local media",cue="report",content="the mushrooms were imported from Belarus",cert="unconfirmed",places=["e5"]),
  dict(s="s4",sp="e6",st="The supplier, GreenField Foods",cue="deny",content="any wrongdoing",cert="denied"),
  dict(s="s5",sp="e6",st="it",cue="say",content="We are cooperating fully with the authorities,",quote=True),
  dict(s="s6",sp=None,st="Doctors",cue="warn",content="more cases were likely in the coming days",cert="likely")], out=HELD2)

build('madani','Sudanese army says it retook Wad Madani','Newsgraph gold','2025-09-19',[
 ["On Thursday, the Sudanese Armed Forces (SAF) said it had recaptured the city of Wad Madani from the Rapid Support Forces (RSF).",
  "The RSF, which has fought the army since April 2023, denied losing the city."],
 ["“Our troops are still inside Wad Madani,” an RSF commander told Al Jazeera.",
  "The United Nations said as many as 300,000 people had fled the fighting in Gezira state, where Wad Madani is located."],
 ["AFP, citing a military source, reported that at least 40 soldiers were killed.",
  "The army's spokesman, Nabil Abdallah, said the offensive would continue until the RSF left the region."]],
 [("e1","Sudanese Armed Forces","ORG",["SAF"]),("e2","Wad Madani","GPE"),("e3","Rapid Support Forces","ORG",["RSF"]),
  ("e4","Al Jazeera","ORG"),("e5","United Nations","ORG"),("e6","Gezira","GPE"),("e7","AFP","ORG"),
  ("e8","Nabil Abdallah","PERSON",[],["army's spokesman"])],
 [("e1","recapture","e2","s1"),("e1","recapture_from","e3","s1"),("e3","fight","e1","s2"),("e2","located_in","e6","s4"),
  ("e8","member_of","e1","s6")],
 [dict(s="s1",sp="e1",st="the Sudanese Armed Forces (SAF)",cue="say",content="it had recaptured the city of Wad Madani from the Rapid Support Forces (RSF)",
       time=("On Thursday","2025-09-18"),places=["e2"]),
  dict(s="s2",sp="e3",st="The RSF",cue="deny",content="losing the city",cert="denied"),
  dict(s="s3",sp=None,st="an RSF commander",cue="tell",content="Our troops are still inside Wad Madani,",quote=True,rb=["e4"],places=["e2"]),
  dict(s="s4",sp="e5",st="The United Nations",cue="say",content="as many as 300,000 people had fled the fighting in Gezira state, where Wad Madani is located",
       figs=[("as many as 300,000",300000,"people",None,"upper_bound")],places=["e6","e2"]),
  dict(s="s5",sp=None,st="a military source",cue="cite",content="at least 40 soldiers were killed",rb=["e7"],
       figs=[("at least 40",40,"soldiers",None,"lower_bound")]),
  dict(s="s6",sp="e8",st="The army's spokesman, Nabil Abdallah",cue="say",content="the offensive would continue until the RSF left the region")], out=HELD2)
print("ok")
