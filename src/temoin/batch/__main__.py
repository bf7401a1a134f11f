"""``python -m temoin.batch ...``: the batch command on its own (as ``temoin batch``)."""

from temoin.batch.command import batch

if __name__ == "__main__":
    batch(prog_name="temoin batch")
