using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc;

/// <summary>The peer answered one of OUR requests with an error response.</summary>
public sealed class RemoteErrorException : Exception
{
    public RemoteErrorException(string method, int code, string message, JToken? data = null)
        : base($"{method}: {message} ({code})")
    {
        Method = method;
        Code = code;
        RemoteMessage = message;
        ErrorData = data;
    }

    /// <summary>The method of our request that failed.</summary>
    public string Method { get; }

    public int Code { get; }

    /// <summary>The error message exactly as the peer sent it.</summary>
    public string RemoteMessage { get; }

    public JToken? ErrorData { get; }
}
