using System.IO.Pipelines;

namespace HygieneLsp.JsonRpc.Tests.Support;

/// <summary>Two real connections wired to each other with pipes: "client" and "server" are just names.</summary>
internal sealed class LoopbackPair : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();

    public LoopbackPair()
    {
        Client = new JsonRpcConnection(_serverToClient.Reader.AsStream(), _clientToServer.Writer.AsStream(), ClientLog);
        Server = new JsonRpcConnection(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream(), ServerLog);
    }

    public ListLogger ClientLog { get; } = new();

    public ListLogger ServerLog { get; } = new();

    public JsonRpcConnection Client { get; }

    public JsonRpcConnection Server { get; }

    /// <summary>Starts both ends; register handlers first.</summary>
    public LoopbackPair Start()
    {
        Client.Start();
        Server.Start();
        return this;
    }

    /// <summary>The server's input ends, as when the client process goes away.</summary>
    public void CloseClientOutput() => _clientToServer.Writer.Complete();

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        await _clientToServer.Writer.CompleteAsync();
        await _serverToClient.Writer.CompleteAsync();
    }
}
