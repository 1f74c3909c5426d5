using System.Runtime.InteropServices;
using System.Text.Json;
using CampaignDesk.Stubs;

// Standalone: prints the Graph base URL as the first line, serves until SIGINT/SIGTERM, then prints
// "counters {json}" as the last line. While running, GET {root}/_stub/counters gives the same.
var options = StubArguments.Parse(args);
await using var stub = await GraphStub.StartAsync(options);
Console.WriteLine(stub.BaseUrl);
Console.Out.Flush();

var stop = new TaskCompletionSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
await stop.Task;
Console.WriteLine("counters " + JsonSerializer.Serialize(stub.Counters));
