using TorchSharp;
var t = torch.ones(3, 3);
Console.WriteLine((t.matmul(t)).sum().item<float>());
Console.WriteLine(torch.__version__);
