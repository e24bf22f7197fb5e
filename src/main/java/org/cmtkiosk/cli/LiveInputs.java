package org.cmtkiosk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cmtkiosk.App;
import org.cmtkiosk.gpio.Pi4jGpio;
import org.cmtkiosk.listen.ButtonGestures;
import org.cmtkiosk.listen.KeyboardCommands;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.MicSource;
import org.cmtkiosk.listen.VoiceCommands;
import org.cmtkiosk.listen.WavFileMic;
import org.cmtkiosk.session.Input;
import org.cmtkiosk.session.InputSink;

/** The inputs a live session owns, as the command line asks for them: keys, voice and the button. */
final class LiveInputs {
  private LiveInputs() {}

  /** Keys if asked for, the voice (from the microphone or {@code micFile}) and the button if configured. */
  static List<Input> of(App app, boolean keyboard, Path micFile, Consumer<String> log) {
    List<Input> inputs = new ArrayList<>();
    if (keyboard) {
      inputs.add(input("the keyboard", sink -> KeyboardCommands.startKeys(sink::key)));
    }
    inputs.add(input("voice control", sink -> voice(app, micFile, sink, log)));
    if (app.config().button().enabled()) {
      inputs.add(input("the button", sink -> Pi4jGpio.openButton(app.config().button().pin(),
          new ButtonGestures(sink::button), log)));
    }
    return inputs;
  }

  private static AutoCloseable voice(App app, Path micFile, InputSink sink, Consumer<String> log) throws Exception {
    MicSource mic = micFile == null ? null : new WavFileMic(micFile, true);
    return app.voice(mic, sink::context, sink.ownSpeech(), new VoiceCommands.Listener() {
      @Override
      public void heard(Heard heard) {
        sink.heard(heard);
      }

      @Override
      public void confused(String whatYouCanSay) {
        sink.confused(whatYouCanSay);
      }

      @Override
      public void failed(Exception failure) {
        sink.failed(failure);
      }
    }, log);
  }

  /** Opens an input; what it throws is the reason it is off. */
  interface Opener {
    AutoCloseable open(InputSink sink) throws Exception;
  }

  private static Input input(String name, Opener opener) {
    return new Input() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public AutoCloseable open(InputSink sink) throws Exception {
        return opener.open(sink);
      }
    };
  }
}
