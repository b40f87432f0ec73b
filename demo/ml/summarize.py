"""Summarises invoice notes for the monthly report."""
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "acme-labs/invoice-summarizer-7b"


def load():
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModelForCausalLM.from_pretrained(
        "acme-labs/invoice-summarizer-7b",
        trust_remote_code=True,
    )
    return tokenizer, model


def summarize(notes: str) -> str:
    tokenizer, model = load()
    inputs = tokenizer(notes, return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=120)
    return tokenizer.decode(output[0], skip_special_tokens=True)
