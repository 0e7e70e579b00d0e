#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes bundles (the format of `normdoc export`) that make a realistic registry of N documents.

Texts are the Henan corpus's regulations cut to the length of a normative document (about
3,000 characters, at a line end) with a line of their own, so no two are alike. 100 issuers
(ten cities, ten bodies each) publish from 2014 to 2026; documents are filed, reviewed by the
filing body, repealed, amended or continued after evaluation in the proportions a municipal
register shows; a few are left with something due (unfiled, a correction open, validity
ending soon, expired and still listed) so that `due` has work. Every document has the events
its history would have written. One bundle per 10,000 documents keeps `import --bundle`'s
memory bounded.

Usage: gen-registry.py CORPUS_DIR OUT_DIR [DOCUMENTS]
"""
import datetime
import hashlib
import json
import os
import random
import sys

CITIES = ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市"]
BODIES = ["人民政府", "人民政府办公室", "发展和改革委员会", "教育局", "公安局", "民政局", "司法局", "财政局",
          "自然资源和规划局", "生态环境局"]
ABBREVIATIONS = ["政", "政办", "发改", "教", "公", "民", "司", "财", "自然资规", "环"]
TODAY = datetime.date(2026, 11, 25)
PER_BUNDLE = 10_000


def plus_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def iso(day):
    return day.isoformat() if day else None


def corpus_texts(corpus):
    texts = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            lines = f.read().splitlines()
        body, size = [], 0
        for line in lines:
            body.append(line)
            size += len(line)
            if size > 3000:
                break
        title = name.split("(")[0].removesuffix(".md")
        texts.append((title, "\n".join(body)))
    return texts


def event(at, kind, payload):
    return {"at": at, "actor": "bench", "kind": kind, "payload": json.dumps(payload, ensure_ascii=False)}


def document_line(number, rng, texts):
    city, body = rng.randrange(10), rng.randrange(10)
    issuer = CITIES[city] + BODIES[body]
    code = f"HN{city}{body}"
    title_base, text_base = texts[number % len(texts)]
    title = f"{issuer}{title_base.removeprefix('河南省')}实施细则（{number}）"
    text = f"{title}\n\n{text_base}\n\n（样本 {number}）\n"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    published = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange((TODAY - datetime.date(2014, 1, 1)).days))
    year = published.year
    stamp = f"{iso(published)}T09:00:00Z"
    draft = rng.random() < 0.03 and published.year >= 2026
    effective = published + datetime.timedelta(days=30)
    expires = plus_years(effective, 5) - datetime.timedelta(days=1)
    doc = {
        "id": number, "reg_no": None if draft else f"{code}-{year}-{number:06d}",
        "doc_no": f"{CITIES[city][:2]}{ABBREVIATIONS[body]}〔{year}〕{number}号",
        "title": title, "issuer": issuer, "drafting_unit": "法制科", "kind": "normative",
        "concerns_business": int(rng.random() < 0.3), "trial": 0, "status": "draft" if draft else "published",
        "validity": None, "drafted": iso(published - datetime.timedelta(days=60)),
        "published": None if draft else iso(published), "effective": None if draft else iso(effective),
        "expires": None if draft else iso(expires), "repealed": None, "repeal_reason": None, "amended": None,
        "invalidated": None, "amends": None, "superseded_by": None, "index_no": None, "subject": "综合政务",
        "created_at": stamp, "updated_at": stamp,
    }
    events = [event(stamp, "add", {"title": title, "issuer": issuer, "doc_no": doc["doc_no"]})]
    filings, evaluations, steps = [], [], []
    if doc["concerns_business"]:
        # 公平竞争审查条例 第十八条: reviewed before publication (a few older ones were not).
        if rng.random() < 0.99:
            reviewed = published - datetime.timedelta(days=rng.randrange(10, 40))
            steps.append({"step": "fair-competition-review", "date": iso(reviewed), "date_from": None, "date_to": None,
                          "received": None, "channel": None, "meeting": None, "result": "compliant", "until": None,
                          "note": None, "recorded_at": f"{iso(reviewed)}T09:00:00Z", "urgency": None})
            events.append(event(f"{iso(reviewed)}T09:00:00Z", "record", {"step": "fair-competition-review"}))
    if not draft:
        events.append(event(stamp, "publish", {"reg_no": doc["reg_no"], "published": iso(published)}))
        fate = rng.random()
        if expires < TODAY + datetime.timedelta(days=180):
            # Old documents: most were repealed or continued before validity ended; a few are
            # left for `due` (expired and still listed, or ending within six months).
            if fate < 0.45:
                doc["status"], doc["repealed"] = "repealed", iso(expires - datetime.timedelta(days=rng.randrange(1, 400)))
                doc["repeal_reason"] = "清理：已不适应经济社会发展需要"
                events.append(event(f"{doc['repealed']}T09:00:00Z", "repeal", {"reason": doc["repeal_reason"]}))
            elif fate < 0.995:
                # Continued after each evaluation, as long as validity would end before today.
                while expires < TODAY + datetime.timedelta(days=180):
                    decided = expires - datetime.timedelta(days=rng.randrange(10, 150))
                    if decided > TODAY:
                        break
                    new_expires = plus_years(decided, 5)
                    evaluations.append({"date": iso(decided), "outcome": "continue", "reason": None, "report": None,
                                        "report_sha256": None, "previous_expires": iso(expires),
                                        "new_expires": iso(new_expires), "previous_reg_no": None, "new_reg_no": None,
                                        "replacement": None, "recorded_at": f"{iso(decided)}T09:00:00Z"})
                    events.append(event(f"{iso(decided)}T09:00:00Z", "evaluate", {"outcome": "continue"}))
                    expires = new_expires
                doc["expires"] = iso(expires)
        if rng.random() < 0.98 or published < TODAY - datetime.timedelta(days=60):
            filed = published + datetime.timedelta(days=rng.randrange(5, 29))
            if filed <= TODAY:
                outcomes = []
                if filed + datetime.timedelta(days=30) < TODAY:
                    result = "correct" if rng.random() < 0.01 else "passed"
                    decided = filed + datetime.timedelta(days=rng.randrange(5, 29))
                    outcomes.append({"kind": "result", "result": result, "date": iso(decided),
                                     "until": iso(decided + datetime.timedelta(days=30)) if result == "correct" else None,
                                     "note": None})
                    if result == "correct" and decided + datetime.timedelta(days=30) < TODAY:
                        outcomes.append({"kind": "corrected", "result": None,
                                         "date": iso(decided + datetime.timedelta(days=20)), "until": None,
                                         "note": "已按审查意见修改"})
                for outcome in outcomes:
                    events.append(event(f"{outcome['date']}T09:00:00Z", "filing-" + outcome["kind"], outcome))
                filings.append({"body": f"{CITIES[city]}人民政府", "filed": iso(filed),
                                "materials": "备案报告\n正式文本\n起草说明", "missing": "", "outcomes": outcomes})
                events.append(event(f"{iso(filed)}T09:00:00Z", "file", {"body": f"{CITIES[city]}人民政府"}))
    return {"document": doc, "text": {"text": text, "sha256": sha, "source": f"{number}.txt"}, "steps": steps,
            "filings": filings, "reviews": [], "evaluations": evaluations, "events": events}


def main():
    corpus, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    texts = corpus_texts(corpus)
    rng = random.Random(20261125)
    os.makedirs(out, exist_ok=True)
    for first in range(1, count + 1, PER_BUNDLE):
        path = os.path.join(out, f"bundle-{first:06d}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"bundle":"normdoc","version":1}\n')
            for number in range(first, min(first + PER_BUNDLE, count + 1)):
                f.write(json.dumps(document_line(number, rng, texts), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
