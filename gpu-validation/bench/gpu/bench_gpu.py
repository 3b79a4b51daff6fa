#!/usr/bin/env python3
"""GPU throughput of all-MiniLM-L6-v2 (the model OnnxEmbedder runs), in PyTorch on CUDA, beside
ONNX Runtime on the same machine's CPU. Runs on the lent GPU machine (see README.md); writes
results.md and results.json to --out.

Every timed pass is OnnxEmbedder's pipeline: tokenize all texts (Rust tokenizers, the jar's
tokenizer.json, truncation 256), sort by length, cut into batches, pad each batch to its longest,
run the model, masked mean, L2 normalisation, vectors back on the host as float32.

  python3 bench_gpu.py --data .gpu --out "$OUT"          # the whole measurement
  python3 bench_gpu.py --data .gpu --first-embedding cuda # one fresh process: time to 1st vector
"""
import time

T0 = time.perf_counter()  # before the heavy imports: time to first embedding counts them

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minilm  # noqa: E402

BATCHES = (16, 64, 256, 1024)
STEADY_BATCHES = (64, 256, 1024)
STEADY_SIZE = 20_000


def first_embedding(data, where):
    """In a fresh process: seconds from start to the first vector, by stage, as one JSON line."""
    marks = {}

    def mark(name):
        marks[name] = round(time.perf_counter() - T0, 3)

    mark("python+numpy imported")
    if where == "cuda":
        import torch

        mark("torch imported")
        torch.zeros(1, device="cuda")
        torch.cuda.synchronize()
        mark("CUDA context up")
        import transformers  # noqa: F401

        mark("transformers imported")
    weights = minilm.load_weights(data)
    tok = minilm.tokenizer(data)
    mark("weights (npz) + tokenizer read")
    if where == "cuda":
        model = minilm.torch_model(minilm.bert_state(data, weights), "cuda", half=False)
        torch.cuda.synchronize()
        forward = minilm.torch_forward(model, "cuda")
    else:
        forward = minilm.ort_forward(minilm.ort_session(data, weights, os.cpu_count()))
    mark("model built on the device" if where == "cuda" else "ONNX Runtime session built")
    v, _, _ = minilm.embed(tok, ["The film was the evening's big winner."], 16, forward)
    mark("first embedding")
    assert v.shape == (1, 384)
    print(json.dumps(marks))


class Report:
    def __init__(self, out):
        self.out = out
        self.md = open(os.path.join(out, "results.md"), "w", encoding="utf-8")
        self.data = {}

    def line(self, s=""):
        print(s, flush=True)
        self.md.write(s + "\n")
        self.md.flush()

    def put(self, key, value):
        self.data[key] = value
        with open(os.path.join(self.out, "results.json"), "w") as f:
            json.dump(self.data, f, indent=1)


def best_of(n, fn):
    """Best (lowest-total) of n runs of fn() -> (vectors, tokenize s, total s)."""
    runs = [fn() for _ in range(n)]
    return min(runs, key=lambda r: r[2])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default=".gpu")
    p.add_argument("--out", default=os.environ.get("OUT", "/tmp/out"))
    p.add_argument("--first-embedding", choices=["cuda", "cpu"])
    p.add_argument("--skip-steady-cpu", action="store_true")
    a = p.parse_args()
    if a.first_embedding:
        first_embedding(a.data, a.first_embedding)
        return
    os.makedirs(a.out, exist_ok=True)
    r = Report(a.out)

    # Time to first embedding first, in fresh processes, before this one warms any cache.
    firsts = {}
    for where in ("cuda", "cuda", "cpu"):
        t = time.perf_counter()
        res = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--data", a.data, "--first-embedding", where],
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - t
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr, flush=True)
            marks = {"failed": res.stderr.strip().splitlines()[-1:]}
        else:
            marks = json.loads(res.stdout.strip().splitlines()[-1])
        firsts.setdefault(where, []).append({"wall from launch": round(wall, 3), **marks})
    r.put("first_embedding", firsts)

    import onnxruntime as ort
    import tokenizers
    import torch
    import transformers

    gpu = torch.cuda.get_device_name(0)
    smi = subprocess.run(
        ["nvidia-smi", "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    cpu_model = ""
    try:
        for ln in open("/proc/cpuinfo"):
            if ln.startswith("model name"):
                cpu_model = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    env = {
        "gpu": gpu,
        "nvidia-smi": smi,
        "cpu": f"{cpu_model} x {os.cpu_count()} logical",
        "python": platform.python_version(),
        "torch": torch.__version__,
        "cuda (torch)": torch.version.cuda,
        "transformers": transformers.__version__,
        "tokenizers": tokenizers.__version__,
        "onnxruntime": ort.__version__,
        "tf32 matmul": torch.backends.cuda.matmul.allow_tf32,
    }
    r.put("environment", env)
    r.line("# all-MiniLM-L6-v2 on the GPU (PyTorch) vs ONNX Runtime CPU, same machine")
    r.line()
    for k, v in env.items():
        r.line(f"- {k}: {v}")

    texts_all = json.load(open(os.path.join(a.data, "rte-texts.json"), encoding="utf-8"))
    texts = texts_all[:1024]
    tok = minilm.tokenizer(a.data)
    weights = minilm.load_weights(a.data)
    state = minilm.bert_state(a.data, weights)
    threads = os.cpu_count()

    # Reference: ONNX Runtime CPU running the original graph with the same (fp16 -> fp32) weights.
    ort_fwd = {n: minilm.ort_forward(minilm.ort_session(a.data, weights, n)) for n in (threads, 2)}
    v_ref, _, _ = minilm.embed(tok, texts, 16, ort_fwd[threads])

    models = {
        "fp32": minilm.torch_model(state, "cuda", half=False),
        "fp16": minilm.torch_model(state, "cuda", half=True),
    }
    r.line(f"- attention implementation: {models['fp32'].config._attn_implementation}")
    fwd = {k: minilm.torch_forward(m, "cuda") for k, m in models.items()}

    r.line()
    r.line("## Correctness: cosine of GPU vectors vs ONNX Runtime CPU (original graph, same weights)")
    r.line()
    r.line("| precision | batch | min cosine | mean cosine | max abs diff |")
    r.line("|---|---|---|---|---|")
    corr = []
    for prec in ("fp32", "fp16"):
        for batch in (16, 1024):
            v, _, _ = minilm.embed(tok, texts, batch, fwd[prec])
            c = minilm.cosines(v, v_ref)
            d = float(np.abs(v - v_ref).max())
            corr.append({"precision": prec, "batch": batch, "min": float(c.min()), "mean": float(c.mean()), "maxabs": d})
            r.line(f"| {prec} | {batch} | {c.min():.6f} | {c.mean():.6f} | {d:.2e} |")
    r.put("correctness", corr)

    enc = minilm.encode(tok, texts)
    lengths = [len(e.ids) for e in enc]
    tok_times = []
    for _ in range(5):
        t = time.perf_counter()
        minilm.encode(tok, texts)
        tok_times.append(time.perf_counter() - t)
    r.line()
    r.line(
        f"## Throughput, {len(texts)} distinct RTE sentences (word pieces: mean {np.mean(lengths):.1f}, "
        f"max {max(lengths)}), best of 3 after a warm-up"
    )
    r.line()
    r.line(
        f"Tokenizing all {len(texts)} (tokenizers encode_batch, {threads} threads): best "
        f"{min(tok_times) * 1000:.1f} ms ({len(texts) / min(tok_times):,.0f} sentences/s)"
    )
    r.line()
    r.line("| device | precision | batch | sentences/s (end to end, tokenizing included) | sentences/s (model + pooling + copy back, pre-tokenized) | peak GPU memory |")
    r.line("|---|---|---|---|---|---|")
    thr = []
    for prec in ("fp32", "fp16"):
        for batch in BATCHES:
            torch.cuda.reset_peak_memory_stats()
            minilm.embed(tok, texts, batch, fwd[prec])  # warm-up
            e2e = best_of(3, lambda: minilm.embed(tok, texts, batch, fwd[prec]))
            model_only = best_of(3, lambda: minilm.embed(tok, texts, batch, fwd[prec], encodings=enc))
            peak = torch.cuda.max_memory_allocated() / 2**20
            row = {
                "device": gpu, "precision": prec, "batch": batch,
                "e2e_per_s": len(texts) / e2e[2], "tokenize_s": e2e[1],
                "model_per_s": len(texts) / model_only[2], "peak_mib": peak,
            }
            thr.append(row)
            r.put("throughput_1024", thr)
            r.line(f"| GPU | {prec} | {batch} | {row['e2e_per_s']:,.0f} | {row['model_per_s']:,.0f} | {peak:,.0f} MiB |")
    for n in (threads, 2):
        minilm.embed(tok, texts[:64], 16, ort_fwd[n])  # warm-up
        runs = 3 if n == threads else 2
        e2e = best_of(runs, lambda: minilm.embed(tok, texts, 16, ort_fwd[n]))
        model_only = best_of(runs, lambda: minilm.embed(tok, texts, 16, ort_fwd[n], encodings=enc))
        row = {"device": f"CPU ONNX Runtime {n} threads", "precision": "fp32", "batch": 16,
               "e2e_per_s": len(texts) / e2e[2], "model_per_s": len(texts) / model_only[2]}
        thr.append(row)
        r.put("throughput_1024", thr)
        r.line(f"| CPU, ONNX Runtime {ort.__version__}, {n} threads (best of {runs}) | fp32 | 16 | {row['e2e_per_s']:,.0f} | {row['model_per_s']:,.0f} | |")

    big = (texts_all * (STEADY_SIZE // len(texts_all) + 1))[:STEADY_SIZE]
    t = time.perf_counter()
    minilm.encode(tok, big)
    tok_big = time.perf_counter() - t
    r.line()
    r.line(
        f"## Steady state: {len(big):,} texts (the {len(texts_all):,} distinct RTE texts repeated), "
        f"best of 3 after a warm-up"
    )
    r.line()
    r.line(f"Tokenizing all {len(big):,}: {tok_big:.2f} s ({len(big) / tok_big:,.0f} texts/s)")
    r.line()
    r.line("| device | precision | batch | texts/s (end to end) | of which tokenizing | peak GPU memory |")
    r.line("|---|---|---|---|---|---|")
    steady = []
    for prec in ("fp32", "fp16"):
        for batch in STEADY_BATCHES:
            torch.cuda.reset_peak_memory_stats()
            minilm.embed(tok, big[:4096], batch, fwd[prec])  # warm-up
            e2e = best_of(3, lambda: minilm.embed(tok, big, batch, fwd[prec]))
            peak = torch.cuda.max_memory_allocated() / 2**20
            row = {"precision": prec, "batch": batch, "per_s": len(big) / e2e[2],
                   "tokenize_share": e2e[1] / e2e[2], "total_s": e2e[2], "peak_mib": peak}
            steady.append(row)
            r.put("steady", steady)
            r.line(f"| GPU | {prec} | {batch} | {row['per_s']:,.0f} | {row['tokenize_share']:.0%} | {peak:,.0f} MiB |")
    if not a.skip_steady_cpu:
        e2e = minilm.embed(tok, big, 16, ort_fwd[threads])
        row = {"precision": "fp32", "batch": 16, "device": f"CPU {threads} threads",
               "per_s": len(big) / e2e[2], "tokenize_share": e2e[1] / e2e[2], "total_s": e2e[2]}
        steady.append(row)
        r.put("steady", steady)
        r.line(f"| CPU, ONNX Runtime, {threads} threads (one run) | fp32 | 16 | {row['per_s']:,.0f} | {row['tokenize_share']:.0%} | |")

    r.line()
    r.line("## Time to first embedding (fresh python3 process; seconds since the script started)")
    r.line()
    for where, runs in firsts.items():
        for i, m in enumerate(runs):
            r.line(f"- {where} run {i + 1}: " + ", ".join(f"{k} {v}" for k, v in m.items()))


if __name__ == "__main__":
    main()
