using System.IO.Pipes;
using HygieneLsp.Core.Analysis;
using Microsoft.Extensions.Logging.Abstractions;

namespace HygieneLsp.Server.Tests.Support;

/// <summary>The real LanguageServer and a test client joined by two in-memory pipes.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _serverIn;
    private readonly AnonymousPipeServerStream _toClient = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _clientIn;

    public InProcessServer(Engine? engine = null)
    {
        _serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        _clientIn = new AnonymousPipeClientStream(PipeDirection.In, _toClient.ClientSafePipeHandle);
        Server = new LanguageServer(_serverIn, _toClient, NullLoggerFactory.Instance, engine ?? AnalyzerCatalog.CreateEngine(), TimeSpan.FromMilliseconds(20));
        Run = Task.Run(Server.RunAsync);
        Client = new LspTestClient(_clientIn, _toServer);
    }

    public LanguageServer Server { get; }
    public LspTestClient Client { get; }
    public Task<int> Run { get; }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _toServer.Dispose();
        await Server.DisposeAsync();
        _toClient.Dispose();
    }
}
