"""all-MiniLM-L6-v2 rebuilt from the folder export_weights.py writes, three ways, and the embedding
pipeline of OnnxEmbedder (length bucketing, dynamic padding, masked mean, L2 normalisation).

- ort_session: ONNX Runtime on the ORIGINAL graph (skeleton + weights from the npz, fp16 -> fp32),
  session options as OnnxEmbedder sets them: the reference and the CPU baseline.
- torch_model: a transformers BertModel with the MiniLM configuration and the same weights, for the
  GPU (fp32, or .half() for fp16).
- numpy_forward: a plain BERT forward in numpy; checks the name mapping where torch is not installed.
"""
import json
import os
import time

import numpy as np

MAX_TOKENS = 256  # OnnxEmbedder.Settings.defaults().maxTokens()
LAYERS, HIDDEN, HEADS, INTERMEDIATE, VOCAB, POSITIONS = 6, 384, 12, 1536, 30522, 512
LAYER_NORM_EPS = 1e-12


def load_weights(folder):
    """ONNX initializer name -> array (float16 weights and the int64 position ids)."""
    with np.load(os.path.join(folder, "minilm-fp16.npz")) as z:
        return {k: z[k] for k in z.files}


def bert_state(folder, weights):
    """transformers BertModel parameter name -> float32 array, MatMul weights transposed."""
    with open(os.path.join(folder, "names.json")) as f:
        names = json.load(f)
    state = {}
    for onnx_name, (name, transpose) in names.items():
        x = weights[onnx_name].astype(np.float32)
        state[name] = np.ascontiguousarray(x.T) if transpose else x
    return state


def tokenizer(folder):
    """The jar's tokenizer with OnnxEmbedder's settings: truncation at 256, no padding."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    return tok


def ort_session(folder, weights, threads):
    import onnx
    import onnxruntime as ort
    from onnx import numpy_helper

    model = onnx.load(os.path.join(folder, "minilm-skeleton.onnx"))
    for name, x in weights.items():
        x = x.astype(np.float32) if x.dtype == np.float16 else x
        model.graph.initializer.append(numpy_helper.from_array(x, name))
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )


def ort_forward(session):
    """Padded batch (numpy int64) -> normalised sentence vectors (numpy float32)."""

    def forward(ids, mask, types):
        hidden = session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
        )[0]
        return mean_pool_normalise(hidden, mask)

    return forward


def mean_pool_normalise(hidden, mask):
    """OnnxEmbedder.meanPoolAndNormalise in numpy."""
    m = mask[:, :, None].astype(np.float32)
    v = (hidden * m).sum(1) / np.maximum(m.sum(1), 1.0)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)


def numpy_forward(state):
    """A plain post-LayerNorm BERT with exact GELU, as in the ONNX graph; float32."""
    from math import sqrt

    def layer_norm(x, prefix):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + LAYER_NORM_EPS) * state[prefix + ".weight"] + state[
            prefix + ".bias"
        ]

    def linear(x, prefix):
        return x @ state[prefix + ".weight"].T + state[prefix + ".bias"]

    def gelu(x):
        from scipy.special import erf  # noqa: only where scipy is there

        return 0.5 * x * (1.0 + erf(x / sqrt(2.0)))

    def forward(ids, mask, types):
        n, t = ids.shape
        x = (
            state["embeddings.word_embeddings.weight"][ids]
            + state["embeddings.position_embeddings.weight"][np.arange(t)][None]
            + state["embeddings.token_type_embeddings.weight"][types]
        )
        x = layer_norm(x, "embeddings.LayerNorm")
        d = HIDDEN // HEADS
        bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * np.finfo(np.float32).min
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def heads(y):
                return y.reshape(n, t, HEADS, d).transpose(0, 2, 1, 3)

            q = heads(linear(x, p + "attention.self.query"))
            k = heads(linear(x, p + "attention.self.key"))
            v = heads(linear(x, p + "attention.self.value"))
            s = q @ k.transpose(0, 1, 3, 2) / sqrt(d) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ v).transpose(0, 2, 1, 3).reshape(n, t, HIDDEN)
            x = layer_norm(linear(a, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            h = gelu(linear(x, p + "intermediate.dense"))
            x = layer_norm(linear(h, p + "output.dense") + x, p + "output.LayerNorm")
        return mean_pool_normalise(x, mask)

    return forward


def torch_model(state, device, half):
    """transformers BertModel (no pooler) holding the exported weights; raises on a missing one."""
    import torch
    from transformers import BertConfig, BertModel

    config = BertConfig(
        vocab_size=VOCAB,
        hidden_size=HIDDEN,
        num_hidden_layers=LAYERS,
        num_attention_heads=HEADS,
        intermediate_size=INTERMEDIATE,
        max_position_embeddings=POSITIONS,
        type_vocab_size=2,
        hidden_act="gelu",
        layer_norm_eps=LAYER_NORM_EPS,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    model = BertModel(config, add_pooling_layer=False)
    result = model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=False)
    if result.missing_keys or result.unexpected_keys:
        raise RuntimeError(f"weights do not fit BertModel: {result}")
    model.eval().to(device)
    if half:
        model.half()
    return model


def torch_forward(model, device):
    """Padded batch (numpy int64) -> normalised vectors, computed on the device, float32 on the host."""
    import torch

    def forward(ids, mask, types):
        with torch.inference_mode():
            i = torch.from_numpy(ids).to(device, non_blocking=True)
            m = torch.from_numpy(mask).to(device, non_blocking=True)
            ty = torch.from_numpy(types).to(device, non_blocking=True)
            hidden = model(input_ids=i, attention_mask=m, token_type_ids=ty).last_hidden_state
            w = m.unsqueeze(-1).float()
            v = (hidden.float() * w).sum(1) / w.sum(1).clamp(min=1.0)
            v = torch.nn.functional.normalize(v, dim=1, eps=1e-12)
            return v.cpu().numpy()

    return forward


def encode(tok, texts):
    return tok.encode_batch(texts)


def embed(tok, texts, batch, forward, encodings=None):
    """OnnxEmbedder.embed: tokenize all, sort by length, pad each batch to its longest.

    Returns (vectors in input order, seconds spent tokenizing, total seconds)."""
    t0 = time.perf_counter()
    if encodings is None:
        encodings = encode(tok, texts)
    t1 = time.perf_counter()
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    out = [None] * len(encodings)
    for start in range(0, len(order), batch):
        rows = order[start : start + batch]
        width = max(len(encodings[r].ids) for r in rows)
        ids = np.zeros((len(rows), width), np.int64)
        mask = np.zeros((len(rows), width), np.int64)
        types = np.zeros((len(rows), width), np.int64)
        for j, r in enumerate(rows):
            e = encodings[r]
            k = len(e.ids)
            ids[j, :k] = e.ids
            mask[j, :k] = e.attention_mask
            types[j, :k] = e.type_ids
        vectors = forward(ids, mask, types)
        for j, r in enumerate(rows):
            out[r] = vectors[j]
    return np.stack(out), t1 - t0, time.perf_counter() - t0


def cosines(a, b):
    """Row-wise cosine of two sets of vectors."""
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(1)
