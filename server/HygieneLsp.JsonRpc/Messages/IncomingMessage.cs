using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Messages;

/// <summary>One decoded frame, classified. Exactly one of the derived records.</summary>
internal abstract record IncomingMessage;

/// <summary>A request: must be answered exactly once, by <see cref="Id"/> (an integer or a string token).</summary>
internal sealed record RequestMessage(MessageId Id, string Method, JToken? Params) : IncomingMessage;

internal sealed record NotificationMessage(string Method, JToken? Params) : IncomingMessage;

/// <summary>The answer to one of our requests: <see cref="Error"/> set, or else <see cref="Result"/> (maybe null).</summary>
internal sealed record ResponseMessage(MessageId Id, JToken? Result, ResponseError? Error) : IncomingMessage;

internal sealed record ResponseError(int Code, string Message, JToken? Data);

/// <summary>A frame that cannot be processed: answered with <see cref="Code"/> and <see cref="Id"/> (null if unknown).</summary>
internal sealed record InvalidMessage(int Code, string Reason, MessageId? Id) : IncomingMessage;

/// <summary>A response without a usable id: the peer could not read something we sent; only logged.</summary>
internal sealed record OrphanErrorMessage(ResponseError Error) : IncomingMessage;
