using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using HygieneLsp.Core.Tests.Support;

namespace HygieneLsp.Server.Tests.Support;

/// <summary>
/// A real npm registry for the tests: verdaccio (from tests/oracles) on a free local port with its storage in a temp
/// folder, and one user whose token publishes. Disposing stops it and removes the folder.
/// </summary>
public sealed class Verdaccio : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    public Verdaccio()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hygiene-verdaccio-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "config.yaml"),
            "storage: ./storage\nauth:\n  htpasswd:\n    file: ./htpasswd\n    max_users: 10\nuplinks: {}\n" +
            "packages:\n  '**':\n    access: $all\n    publish: $authenticated\n    unpublish: $authenticated\nlog: { type: stdout, format: pretty, level: error }\n");
        Port = FreePort();
        var verdaccio = Path.Combine(RepoPaths.Root, "tests", "oracles", "node_modules", "verdaccio", "bin", "verdaccio");
        var psi = new ProcessStartInfo("node") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { verdaccio, "--config", "./config.yaml", "--listen", $"127.0.0.1:{Port}" }) psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Token = CreateUser();
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/";
    public string Token { get; }

    /// <summary>An .npmrc that points npm at this registry with the test user's token.</summary>
    public string NpmRc => $"registry={Url}\n//127.0.0.1:{Port}/:_authToken={Token}\n";

    private string CreateUser()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        // Verdaccio takes a few seconds to start on a loaded machine: poll for up to two minutes.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"verdaccio exited with {_process.ExitCode}");
            try
            {
                var response = http.PutAsJsonAsync($"{Url}-/user/org.couchdb.user:tester", new { name = "tester", password = "tester-password-1" }).GetAwaiter().GetResult();
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    return response.Content.ReadFromJsonAsync<TokenReply>().GetAwaiter().GetResult()!.Token;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("verdaccio did not answer within two minutes");
            Thread.Sleep(250);
        }
    }

    private sealed record TokenReply(string Token);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
