namespace HygieneLsp.JsonRpc;

/// <summary>How a handler is ordered against the other incoming messages (Roslyn CLaSP style).</summary>
public enum HandlerMode
{
    /// <summary>Runs alone, in arrival order, after every earlier message finished: for messages that mutate state.</summary>
    Serial,

    /// <summary>Runs concurrently with other parallel messages, after every earlier serial one finished: for reads.</summary>
    Parallel,
}
