import java.util.*;
import java.util.function.*;
