namespace HygieneLsp.JsonRpc;

/// <summary>
/// The connection ended (end of input, output failure or dispose) before an outgoing message could be written or
/// before the response to an outgoing request arrived.
/// </summary>
public sealed class ConnectionClosedException : Exception
{
    public ConnectionClosedException(string message)
        : base(message)
    {
    }
}
