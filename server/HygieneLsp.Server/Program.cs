namespace HygieneLsp.Server;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("hygiene-lsp: not wired yet");
        return 2;
    }
}
