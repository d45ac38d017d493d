using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Protocol;

namespace HygieneLsp.Server.Lifecycle;

/// <summary>
/// The LSP lifecycle as a gate in front of dispatch: before `initialize` requests get -32002 and notifications are
/// dropped; after `shutdown` requests get -32600; `exit` always passes. Exit code: 0 after shutdown, else 1.
/// </summary>
public sealed class LifecycleState
{
    private int _phase; // 0 new, 1 initializing/initialized, 2 shut down
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsInitialized => Volatile.Read(ref _phase) == 1;

    public bool IsShutDown => Volatile.Read(ref _phase) == 2;

    /// <summary>Completes with the process exit code when `exit` arrives, the input closes, or the client process dies.</summary>
    public Task<int> ExitCode => _exit.Task;

    public JsonRpcException? Gate(string method, bool isRequest)
    {
        if (method == Methods.Exit) return null;
        switch (Volatile.Read(ref _phase))
        {
            case 0:
                if (method == Methods.Initialize) return null;
                return isRequest ? new JsonRpcException(ErrorCodes.ServerNotInitialized, "The server is not initialized.") : new JsonRpcException(ErrorCodes.ServerNotInitialized, "dropped before initialize");
            case 1:
                return method == Methods.Initialize && isRequest ? new JsonRpcException(ErrorCodes.InvalidRequest, "The server is already initialized.") : null;
            default:
                return new JsonRpcException(ErrorCodes.InvalidRequest, "The server is shutting down.");
        }
    }

    public void MarkInitialized() => Interlocked.CompareExchange(ref _phase, 1, 0);

    public void MarkShutDown() => Volatile.Write(ref _phase, 2);

    public void Exit() => _exit.TrySetResult(IsShutDown ? 0 : 1);

    public void ExitWith(int code) => _exit.TrySetResult(code);
}
