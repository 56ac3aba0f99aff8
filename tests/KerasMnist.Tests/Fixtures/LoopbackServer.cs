using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace KerasMnist.Tests.Fixtures;

/// <summary>What the server answers to one request.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">Bytes sent.</param>
/// <param name="Chunked">Send without Content-Length (so a short body is not caught by the length header).</param>
public sealed record Reply(int Status, byte[] Body, bool Chunked = false);

/// <summary>A tiny HTTP server on 127.0.0.1 and a free port, answering with <see cref="Reply"/>s from a handler.</summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<string, Reply> handler;
    private readonly Task loop;

    public LoopbackServer(Func<string, Reply> handler)
    {
        this.handler = handler;
        int port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUri.ToString());
        listener.Start();
        loop = Task.Run(Serve);
    }

    public Uri BaseUri { get; }

    /// <summary>Paths requested so far, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>A base URL under this server, e.g. <c>http://127.0.0.1:1234/good/</c>.</summary>
    public Uri Mirror(string route) => new(BaseUri, route + "/");

    /// <summary>A port nothing listens on (bound, then released).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            string path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(path);
            var reply = handler(path);
            try
            {
                context.Response.StatusCode = reply.Status;
                context.Response.SendChunked = reply.Chunked;
                if (!reply.Chunked)
                    context.Response.ContentLength64 = reply.Body.Length;
                await context.Response.OutputStream.WriteAsync(reply.Body);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client gave up (e.g. it rejected the announced length); nothing to do.
            }
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
