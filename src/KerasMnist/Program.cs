using KerasMnist.Cli;
using KerasMnist.Keras.Backend;
using KerasMnist.Tutorial;

// glibc must keep freed tensor memory before the first tensor exists (see Engine.TuneAllocator).
Engine.TuneAllocator();
return App.Run(args, Terminal.FromConsole());
