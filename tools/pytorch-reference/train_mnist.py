"""The notebook's MLP, CNN and ResNet50 as plain PyTorch loops: the Python reference for the training benchmark.

Same setup as `dotnet run -c Release --project tools/KerasMnist.Benchmarks -- training` and as
performance.md: 2 threads, the first 70 % of MNIST train (42,000 images), batch 128, a fresh permutation
per epoch and index_select batches from one normalised NCHW tensor, cross-entropy on logits, Keras's
glorot_uniform/zeros init, Adam(1e-3, 0.9, 0.999, eps 1e-7), loss.item() every step; the CNN adds
1e-3 * sum(w^2) over its four kernels. Prints train-only seconds per epoch (min / median) after one
warm-up epoch, and the validation accuracy, so both stacks can be timed on the same machine.

ResNet50 is the applications stage's model: 28x28x1 digits, zero-padded by 2, into Keras's ResNet50 v1 (stride on
the first 1x1 convolution of each stack, a bias on every convolution, BatchNormalization with epsilon 1.001e-5 and
Keras's momentum 0.99, i.e. torch's 0.01), global average pooling and a 10-way softmax, the loss on those
probabilities as Keras computes it (clipped to [1e-7, 1 - 1e-7]); model and batches in channels_last memory,
batch 128, timed per training step.

Needs python3-torch with an optimised BLAS (Debian: apt install python3-torch libopenblas0-openmp).
Usage: python3 train_mnist.py MNIST_DIR [--model mlp|cnn|both|resnet50] [--epochs N] [--steps N] [--threads N] [--channels-last]
With --serve it trains one epoch per "epoch mlp" / "epoch cnn" line on stdin and answers with the seconds it
took ("accuracy mlp" answers the validation accuracy); "step resnet50" trains one ResNet50 step on the next of 8
batches (the first 1,024 training images) and answers its seconds, "loss resnet50" the last step's loss.
`dotnet run -c Release --project tools/KerasMnist.Benchmarks -- training --pytorch PYTHON` drives it that way,
alternating its epochs or steps with the keras API's and the raw loop's.
"""
import argparse
import gzip
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def read_idx(folder, name):
    path = os.path.join(folder, name)
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rb") as f:
            data = f.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def glorot(shape, fan_in, fan_out):
    limit = (6.0 / (fan_in + fan_out)) ** 0.5
    return torch.empty(shape).uniform_(-limit, limit).requires_grad_()


def parameters(cnn):
    if cnn:
        return [glorot((8, 1, 3, 3), 9, 72), torch.zeros(8, requires_grad=True),
                glorot((16, 8, 3, 3), 72, 144), torch.zeros(16, requires_grad=True),
                glorot((400, 128), 400, 128), torch.zeros(128, requires_grad=True),
                glorot((128, 10), 128, 10), torch.zeros(10, requires_grad=True)]
    return [glorot((784, 128), 784, 128), torch.zeros(128, requires_grad=True),
            glorot((128, 10), 128, 10), torch.zeros(10, requires_grad=True)]


def forward(p, x, cnn):
    if not cnn:
        return torch.addmm(p[3], torch.addmm(p[1], x.reshape(x.shape[0], -1), p[0]).relu(), p[2])
    h = F.max_pool2d(F.conv2d(x, p[0], p[1]).relu(), 2)
    h = F.max_pool2d(F.conv2d(h, p[2], p[3]).relu(), 2)
    h = h.permute(0, 2, 3, 1).reshape(h.shape[0], -1)
    return torch.addmm(p[7], torch.addmm(p[5], h, p[4]).relu(), p[6])


def train_epoch(p, optimizer, images, labels, cnn, channels_last):
    order = torch.randperm(images.shape[0])
    total = 0.0
    for start in range(0, images.shape[0], 128):
        index = order[start:start + 128]
        x, y = images.index_select(0, index), labels.index_select(0, index)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        loss = F.cross_entropy(forward(p, x, cnn), y)
        if cnn:
            loss = loss + sum(1e-3 * k.square().sum() for k in p[0::2])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        total += loss.item() * x.shape[0]
    return total / images.shape[0]


def accuracy(p, images, labels, cnn):
    with torch.no_grad():
        return (forward(p, images, cnn).argmax(1) == labels).float().mean().item()


class ConvBn(torch.nn.Module):
    """A Keras Conv2D (glorot_uniform kernel, zero bias) followed by Keras's BatchNormalization."""

    def __init__(self, cin, cout, k, stride=1, padding=0):
        super().__init__()
        self.conv = torch.nn.Conv2d(cin, cout, k, stride, padding, bias=True)
        limit = (6.0 / (k * k * cin + k * k * cout)) ** 0.5
        torch.nn.init.uniform_(self.conv.weight, -limit, limit)
        torch.nn.init.zeros_(self.conv.bias)
        self.bn = torch.nn.BatchNorm2d(cout, eps=1.001e-5, momentum=0.01)

    def forward(self, x):
        return self.bn(self.conv(x))


class Block(torch.nn.Module):
    """Keras's block1: 1x1 (strided) -> 3x3 "same" -> 1x1 (4 * filters), plus the shortcut, then relu."""

    def __init__(self, cin, filters, stride, conv_shortcut):
        super().__init__()
        self.shortcut = ConvBn(cin, 4 * filters, 1, stride) if conv_shortcut else None
        self.first = ConvBn(cin, filters, 1, stride)
        self.middle = ConvBn(filters, filters, 3, 1, 1)
        self.last = ConvBn(filters, 4 * filters, 1)

    def forward(self, x):
        skip = x if self.shortcut is None else self.shortcut(x)
        h = self.middle(self.first(x).relu()).relu()
        return (skip + self.last(h)).relu()


class ResNet50(torch.nn.Module):
    """The applications stage's model: ZeroPadding2D(2), then Keras's ResNet50 v1 with a 10-way softmax."""

    def __init__(self):
        super().__init__()
        self.stem = ConvBn(1, 64, 7, 2)
        blocks, cin = [], 64
        for filters, count, stride in ((64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)):
            for b in range(count):
                blocks.append(Block(cin, filters, stride if b == 0 else 1, b == 0))
                cin = 4 * filters
        self.blocks = torch.nn.Sequential(*blocks)
        self.dense = torch.nn.Linear(2048, 10)
        limit = (6.0 / (2048 + 10)) ** 0.5
        torch.nn.init.uniform_(self.dense.weight, -limit, limit)
        torch.nn.init.zeros_(self.dense.bias)

    def forward(self, x):
        x = F.pad(x, (5, 5, 5, 5))  # ZeroPadding2D(2), then conv1_pad's 3
        x = self.stem(x).relu()
        x = F.max_pool2d(F.pad(x, (1, 1, 1, 1)), 3, 2)  # pool1_pad with zeros: after the relu they never win
        x = self.blocks(x).mean((2, 3))
        return F.softmax(self.dense(x), 1)


def resnet_loss(probabilities, labels):
    """Keras's sparse categorical crossentropy on probabilities (from_logits=False)."""
    probabilities = probabilities / probabilities.sum(1, keepdim=True)
    return F.nll_loss(probabilities.clamp(1e-7, 1 - 1e-7).log(), labels)


class ResNetSteps:
    """ResNet50 trained one step at a time on 8 fixed batches of 128 (the first 1,024 training images)."""

    def __init__(self, images, labels):
        self.model = ResNet50().to(memory_format=torch.channels_last).train()
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
        self.batches = [(images[i:i + 128].contiguous(memory_format=torch.channels_last), labels[i:i + 128])
                        for i in range(0, 1024, 128)]
        self.steps, self.loss = 0, float("nan")

    def step(self):
        x, y = self.batches[self.steps % len(self.batches)]
        self.steps += 1
        start = time.perf_counter()
        loss = resnet_loss(self.model(x), y)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        self.loss = loss.item()
        return time.perf_counter() - start


def new_model(cnn):
    p = parameters(cnn)
    return p, torch.optim.Adam(p, lr=1e-3, betas=(0.9, 0.999), eps=1e-7)


def serve(train_x, train_y, valid_x, valid_y, channels_last):
    torch.manual_seed(42)
    models = {}
    resnet = None
    print("ready", flush=True)
    for line in sys.stdin:
        command, name = line.split()
        if name == "resnet50":
            resnet = resnet or ResNetSteps(train_x, train_y)
            print(f"{resnet.step():.6f}" if command == "step" else f"{resnet.loss:.6f}", flush=True)
            continue
        cnn = name == "cnn"
        if name not in models:
            models[name] = new_model(cnn)
        p, optimizer = models[name]
        if command == "epoch":
            start = time.perf_counter()
            train_epoch(p, optimizer, train_x, train_y, cnn, channels_last)
            print(f"{time.perf_counter() - start:.6f}", flush=True)
        else:
            print(f"{accuracy(p, valid_x, valid_y, cnn):.6f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mnist_dir")
    parser.add_argument("--model", choices=("mlp", "cnn", "both", "resnet50"), default="both")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--steps", type=int, default=10, help="ResNet50: timed steps after 2 warm-up steps")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--channels-last", action="store_true",
                        help="batches in torch.channels_last memory (the layout KerasMnist computes in)")
    parser.add_argument("--serve", action="store_true", help="train one epoch per stdin command (see above)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    images = read_idx(args.mnist_dir, "train-images-idx3-ubyte")
    labels = read_idx(args.mnist_dir, "train-labels-idx1-ubyte")
    images = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    labels = torch.from_numpy(labels.astype(np.int64))
    train_x, train_y, valid_x, valid_y = images[:42000], labels[:42000], images[42000:], labels[42000:]
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, CPU capability "
          f"{torch.__config__.show().split('CPU capability usage: ')[1].split()[0] if 'CPU capability' in torch.__config__.show() else '?'}")
    if args.serve:
        serve(train_x, train_y, valid_x, valid_y, args.channels_last)
        return
    if args.model == "resnet50":
        torch.manual_seed(42)
        resnet = ResNetSteps(train_x, train_y)
        warm = [resnet.step() for _ in range(2)]
        timed = [resnet.step() for _ in range(args.steps)]
        print(f"ResNet50  PyTorch channels_last  min {min(timed):.3f} s  median {statistics.median(timed):.3f} s per step  "
              f"(warm-up {' '.join(f'{t:.3f}' for t in warm)} s)  last loss {resnet.loss:.4f}   steps: "
              f"{' '.join(f'{t:.3f}' for t in timed)}")
        return
    models = [m for m in (("MLP", False), ("CNN", True)) if args.model in ("both", m[0].lower())]
    for name, cnn in models:
        torch.manual_seed(42)
        p, optimizer = new_model(cnn)
        times = []
        for epoch in range(args.epochs + 1):
            start = time.perf_counter()
            train_epoch(p, optimizer, train_x, train_y, cnn, args.channels_last)
            times.append(time.perf_counter() - start)
        timed = times[1:]
        layout = " channels_last" if args.channels_last else ""
        print(f"{name}  PyTorch{layout}  min {min(timed):.3f} s  median {statistics.median(timed):.3f} s  "
              f"(warm-up {times[0]:.3f} s)  val acc after {args.epochs + 1} epochs "
              f"{accuracy(p, valid_x, valid_y, cnn):.4f}   epochs: {' '.join(f'{t:.3f}' for t in timed)}")


if __name__ == "__main__":
    main()
