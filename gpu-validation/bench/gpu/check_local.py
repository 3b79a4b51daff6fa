#!/usr/bin/env python3
"""Checks on the CPU, before any device time is spent (pip install onnx onnxruntime numpy scipy
tokenizers):

1. the fp16 rounding of the weights: ONNX Runtime on the jar's original fp32 model vs ONNX Runtime
   on the skeleton + fp16 npz (what the device rebuilds), on the 1,024 benchmark sentences;
2. the name mapping that torch_model relies on: a plain numpy BERT fed with the BertModel-named
   state vs ONNX Runtime on the same (fp16 -> fp32) weights.
"""
import argparse
import glob
import json
import os
import sys
import time
import zipfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_weights  # noqa: E402
import minilm  # noqa: E402


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    p = argparse.ArgumentParser()
    p.add_argument("--data", default=os.path.join(root, ".gpu"))
    p.add_argument("--threads", type=int, default=os.cpu_count())
    a = p.parse_args()
    texts = json.load(open(os.path.join(a.data, "rte-texts.json"), encoding="utf-8"))[:1024]
    tok = minilm.tokenizer(a.data)
    weights = minilm.load_weights(a.data)
    rebuilt = minilm.ort_forward(minilm.ort_session(a.data, weights, a.threads))

    import onnxruntime as ort

    jar = sorted(glob.glob(export_weights.JAR_GLOB))[-1]
    with zipfile.ZipFile(jar) as z:
        original_bytes = z.read(export_weights.MODEL)
    o = ort.SessionOptions()
    o.intra_op_num_threads = a.threads
    original = minilm.ort_forward(
        ort.InferenceSession(original_bytes, o, providers=["CPUExecutionProvider"])
    )
    t = time.perf_counter()
    v_orig, _, _ = minilm.embed(tok, texts, 16, original)
    v_rebuilt, tok_s, total = minilm.embed(tok, texts, 16, rebuilt)
    c = minilm.cosines(v_orig, v_rebuilt)
    print(f"1. fp16-rounded weights vs original fp32 model, {len(texts)} sentences: "
          f"cosine min {c.min():.6f} mean {c.mean():.6f} "
          f"(rebuilt run {len(texts) / total:.0f} sentences/s, tokenizing {tok_s * 1000:.0f} ms)")
    lengths = [len(e.ids) for e in minilm.encode(tok, texts)]
    print(f"   word pieces per sentence: mean {np.mean(lengths):.1f}, max {max(lengths)}")

    state = minilm.bert_state(a.data, weights)
    sample = texts[:: len(texts) // 96][:96]
    v_np, _, _ = minilm.embed(tok, sample, 32, minilm.numpy_forward(state))
    v_ort, _, _ = minilm.embed(tok, sample, 32, rebuilt)
    c = minilm.cosines(v_np, v_ort)
    print(f"2. numpy BERT on the BertModel-named weights vs ONNX Runtime, {len(sample)} sentences: "
          f"cosine min {c.min():.7f}, max |diff| {np.abs(v_np - v_ort).max():.2e}")
    print(f"   ({time.perf_counter() - t:.1f} s)")


if __name__ == "__main__":
    main()
