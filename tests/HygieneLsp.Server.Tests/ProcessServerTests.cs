using System.Diagnostics;
using System.Text;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>The same scenario against the real `hygiene-lsp` process over stdio, as an editor starts it.</summary>
public class ProcessServerTests
{
    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hygiene-lsp.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    [Fact]
    public async Task StdioScenarioWritesOnlyFramedMessagesAndExitsZero()
    {
        using var ws = new TempWorkspace();
        using var process = Start("--stdio", "--clientProcessId=" + Environment.ProcessId, "--some-future-flag");
        var stderr = process.StandardError.ReadToEndAsync();
        var recording = new RecordingStream(process.StandardOutput.BaseStream);
        var recordedLogs = new List<string>();
        await using (var client = new LspTestClient(recording, process.StandardInput.BaseStream))
        {
            await LspScenario.RunAsync(client, ws, async () =>
            {
                await process.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);
                return process.ExitCode;
            });
            recordedLogs.AddRange(client.Notifications.Where(n => n.Method == "window/logMessage").Select(n => n.Params!["message"]!.ToString()));
        }
        AssertOnlyFramedJson(recording.Recorded);
        // Logs reach the client as window/logMessage, never as stray bytes on stdout.
        Assert.Contains(recordedLogs, m => m.Contains("initialized", StringComparison.Ordinal));
        _ = await stderr;
    }

    [Fact]
    public async Task ClosedInputWithoutShutdownExitsOne()
    {
        using var process = Start();
        var stderr = process.StandardError.ReadToEndAsync();
        var init = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        var stdin = process.StandardInput.BaseStream;
        await stdin.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {init.Length}\r\n\r\n"));
        await stdin.WriteAsync(init);
        await stdin.WriteAsync(Encoding.ASCII.GetBytes("Content-Length: 5\r\n\r\n{]}x!garbage\r\n\r\n"));
        await stdin.FlushAsync();
        var stdout = process.StandardOutput.BaseStream;
        var buffer = new byte[4096];
        var n = await stdout.ReadAsync(buffer).AsTask().WaitAsync(LspTestClient.Timeout);
        Assert.StartsWith("Content-Length: ", Encoding.ASCII.GetString(buffer, 0, n));
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);
        Assert.Equal(1, process.ExitCode);
        _ = await stderr;
    }

    [Fact]
    public async Task TheServerNeverLoadsTheCommandLineParserNorADependencyInjectionContainer()
    {
        // Building the System.CommandLine tree costs about 40 ms of JIT; the server's start-up must not pay it.
        if (!OperatingSystem.IsLinux()) return; // reads /proc/<pid>/maps, where the runtime maps every loaded assembly
        using var process = Start("--stdio", "--verbose");
        var stderr = process.StandardError.ReadToEndAsync();
        var init = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        await process.StandardInput.BaseStream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {init.Length}\r\n\r\n"));
        await process.StandardInput.BaseStream.WriteAsync(init);
        await process.StandardInput.BaseStream.FlushAsync();
        var buffer = new byte[4096];
        var n = await process.StandardOutput.BaseStream.ReadAsync(buffer).AsTask().WaitAsync(LspTestClient.Timeout);
        Assert.StartsWith("Content-Length: ", Encoding.ASCII.GetString(buffer, 0, n));
        var maps = await File.ReadAllTextAsync($"/proc/{process.Id}/maps");
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);
        _ = await stderr;
        Assert.Contains("hygiene-lsp.dll", maps);
        Assert.DoesNotContain("System.CommandLine.dll", maps);
        // Logging goes straight to the client's provider: no dependency-injection container is built before initialize.
        Assert.DoesNotContain("Microsoft.Extensions.DependencyInjection.dll", maps);
    }

    /// <summary>Parses the recorded stdout as a sequence of `Content-Length` frames of JSON bodies, nothing else.</summary>
    private static void AssertOnlyFramedJson(byte[] bytes)
    {
        var pos = 0;
        var frames = 0;
        while (pos < bytes.Length)
        {
            var headerEnd = IndexOf(bytes, "\r\n\r\n"u8.ToArray(), pos);
            Assert.True(headerEnd > pos, $"no header terminator at byte {pos}");
            var header = Encoding.ASCII.GetString(bytes, pos, headerEnd - pos);
            var length = int.Parse(header.Split("\r\n").Single(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal))["Content-Length: ".Length..]);
            var body = Encoding.UTF8.GetString(bytes, headerEnd + 4, length);
            Assert.Equal("2.0", JObject.Parse(body)["jsonrpc"]!.ToString());
            pos = headerEnd + 4 + length;
            frames++;
        }
        Assert.True(frames >= 4, $"only {frames} frames");
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        for (var i = from; i <= haystack.Length - needle.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }
}
