using System.Net;
using System.Net.Sockets;

namespace Trading.Integration.Tests.MarketData;

/// <summary>
/// Forwards TCP connections from a free loopback port to a server. <see cref="Blackhole"/> turns the server silent
/// without closing anything, as a network partition does: every byte in either direction is dropped, and new connections
/// are accepted but never reach the server. <see cref="Restore"/> closes the silenced connections and forwards again.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly List<TcpClient> _sockets = [];
    private readonly CancellationTokenSource _disposing = new();
    private readonly Task _accepting;
    private volatile bool _blackhole;

    public TcpForwarder(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Blackhole() => _blackhole = true;

    public void Restore()
    {
        lock (_sockets)
        {
            _blackhole = false;
            _sockets.ForEach(socket => socket.Dispose());
            _sockets.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        _listener.Stop();
        Restore();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _disposing.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_disposing.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_disposing.Token);
            Track(client);
            if (_blackhole)
            {
                _ = DrainAsync(client);
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        try
        {
            var server = new TcpClient();
            Track(server);
            await server.ConnectAsync(_host, _port, _disposing.Token);
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
    }

    private async Task CopyAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var destination = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, _disposing.Token);
                if (read == 0)
                {
                    to.Client.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (!_blackhole)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), _disposing.Token);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
    }

    private async Task DrainAsync(TcpClient client)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var stream = client.GetStream();
            while (await stream.ReadAsync(buffer, _disposing.Token) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
    }

    private void Track(TcpClient socket)
    {
        lock (_sockets)
        {
            _sockets.Add(socket);
        }
    }
}
